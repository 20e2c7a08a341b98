package org.crossdefect.core.model;

import java.io.IOException;
import java.util.List;

import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

import ai.djl.ndarray.NDManager;

/**
 * One way to learn an anomaly model from patch embeddings (PatchCore, Labeled PatchCore,
 * SEMLP, ...): sibling strategies behind one small interface, as PatchCore's samplers are.
 * Training, model files, the list of methods, help texts and the benchmark all go through a
 * method registry of these; adding a method is one implementation and one registry entry.
 *
 * @param <S> the method's settings record: built from {@link Parameters}, validated in its
 *     constructor, with the defaults
 */
public interface Method<S> {

    /** @return the id used in model files, tables and the {@code --method} option, e.g. "patchcore" */
    String id();

    /** @return the name a person reads, e.g. "Labeled PatchCore" */
    String title();

    /** @return one sentence: what the method learns and where it comes from */
    String description();

    /** @return the settings the method reads, with their defaults */
    List<Parameter> parameters();

    /**
     * @param values values of {@link #parameters()}; absent ones take their defaults, others are
     *     ignored (a benchmark hands the same values to every method)
     * @throws org.crossdefect.core.error.InvalidSettingException naming the first value not accepted
     */
    S settings(Parameters values);

    /**
     * @return whether the method fine-tunes the backbone on the training images (MIRO). Such a
     *     method costs minutes per run on a CPU, so a benchmark without a method list leaves it
     *     out, and it cannot sit behind a port that carries only patch embeddings (the KNIME
     *     Learner nodes)
     */
    default boolean finetunesBackbone() {
        return false;
    }

    /**
     * @return how the method cuts images when the tiles setting is auto: what measured best for it
     *     on real photos (the paper's whole images unless a method says otherwise)
     */
    default org.crossdefect.core.data.Tiling tilingWhenAuto() {
        return org.crossdefect.core.data.Tiling.WHOLE;
    }

    /**
     * @param setting the tiles setting (possibly auto)
     * @return how the method cuts images under it, as a manifest records it: a tiles value, or
     *     for a method whose parts cut differently each part's
     */
    default String tiles(org.crossdefect.core.data.Tiling setting) {
        return setting.resolve(tilingWhenAuto()).setting();
    }

    /** @return whether the method can train on tiles (records with a region) at all */
    default boolean takesTiles() {
        return true;
    }

    /** @return what the training split must hold (checked by a benchmark's plan before any work) */
    default TrainingNeeds needs() {
        return TrainingNeeds.GOOD_IMAGES;
    }

    /**
     * Fits a model. Checks the data it needs before any long work.
     *
     * @param manager owns the model's native memory; the model closes it (the caller closes it
     *     when this throws)
     * @throws org.crossdefect.core.error.UnsuitableDataException if the training split lacks
     *     what the method learns from
     */
    AnomalyModel fit(TrainingData data, S settings, NDManager manager, Progress progress) throws IOException;

    /**
     * Rebuilds a model written by this method's models.
     *
     * @param manager as for {@link #fit}
     * @throws ModelFileException if the contents do not make a model of this method
     */
    AnomalyModel read(ModelFile.Contents contents, NDManager manager) throws IOException;
}
