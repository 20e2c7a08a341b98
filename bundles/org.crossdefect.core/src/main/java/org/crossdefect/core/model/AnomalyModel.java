package org.crossdefect.core.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.files.AtomicFiles;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.ImageScore;

/**
 * A fitted model of any method: it scores images from their patch embeddings. The benchmark,
 * the command line and the KNIME nodes treat all methods through this shape; a {@link Method}
 * makes and reads them.
 */
public interface AnomalyModel extends AutoCloseable {

    ModelInfo info();

    /** @return one score per image of the source, in order */
    List<ImageScore> score(PatchSource images, Progress progress) throws IOException;

    /**
     * Writes the model file format ({@link ModelFile}) to a stream, e.g. a KNIME port's zip
     * stream; the stream stays open.
     */
    void write(OutputStream out) throws IOException;

    /** Writes the model file atomically: to a temporary file first, then moved into place. */
    default void save(Path file) throws IOException {
        save(file, true);
    }

    /**
     * Writes the model file atomically.
     *
     * @param overwrite whether an existing file may be replaced; if not, one that exists (or
     *     appears while writing, from another run) is an {@link org.crossdefect.core.error.OutputExistsException}
     */
    default void save(Path file, boolean overwrite) throws IOException {
        AtomicFiles.writeFile(file, overwrite, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(out);
            }
        });
    }

    /**
     * @return the score from which an image counts as anomalous, chosen from good images alone
     *     (models adapted to the target: from its k good images, at the target false-positive
     *     rate); empty for models that have none (the strict protocol)
     */
    default java.util.OptionalDouble goodOnlyThreshold() {
        return java.util.OptionalDouble.empty();
    }

    /**
     * @return good / review / reject thresholds chosen from good images alone (models adapted to
     *     the target); empty for models that have none
     */
    default java.util.Optional<org.crossdefect.core.score.DecisionBand> decisionBand() {
        return java.util.Optional.empty();
    }

    /**
     * Chooses how a model that searches memory banks finds nearest neighbours; models without a
     * bank ignore it. Models start with {@link org.crossdefect.core.nn.Search#EXACT}, the
     * paper's protocol; predictions for use switch to the fast search.
     */
    default void useSearch(org.crossdefect.core.nn.Search search) {
    }

    /**
     * @return the weights file of the backbone this model's embeddings come from, where that is
     *     not the backbone it was trained in (models on a MIRO fine-tuned backbone); empty for the
     *     others, and for models read from files (their user gives the weights)
     */
    default java.util.Optional<java.nio.file.Path> backboneWeights() {
        return java.util.Optional.empty();
    }

    /**
     * @return the models this one fuses when they cut images differently (a whole-image part and
     *     a tiled one): each part then predicts images cut as it was trained, and {@link #fuse}
     *     combines their per-image scores; empty (the default) when the model scores one
     *     embedding of each image itself
     */
    default List<AnomalyModel> separateParts() {
        return List.of();
    }

    /**
     * @param parts for each of {@link #separateParts()}, in order, its scores of the same images,
     *     each image's maps on one grid over the part of the image this model's maps cover
     * @return this model's scores of those images
     */
    default List<ImageScore> fuse(List<List<ImageScore>> parts) {
        throw new UnsupportedOperationException(info().method() + " has no separate parts to fuse");
    }

    @Override
    void close();
}
