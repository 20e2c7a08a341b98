package org.crossdefect.core.adapt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.DeclaredMethod;
import org.crossdefect.core.model.Method;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.NestedModelFiles;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.model.TrainingNeeds;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameter;

import ai.djl.ndarray.NDManager;

/**
 * A cross-category method (SEMLP, Labeled PatchCore) trained and applied on residual embeddings
 * ({@link Residuals}): each source category's patches minus their nearest patch among k of its
 * good training images, set aside as its references (so they are not trained on); the target's
 * patches minus their nearest patch among the target's k good shots. A source category without
 * at least two good training images has no references and is left out, with a warning.
 *
 * @param <S> the inner method's settings
 */
public final class ResidualMethod<S> extends DeclaredMethod<ResidualMethod.Settings<S>> {

    /** The inner method's settings and k. */
    public record Settings<S>(S inner, int shots) {
    }

    static final String INNER_ENTRY = "inner.model";
    static final String REFERENCES_ENTRY = "references.f32";

    private final Method<S> inner;

    public ResidualMethod(Method<S> inner) {
        super(inner.id() + "-residual", inner.title() + " (residual)", inner.title() + " on residual embeddings: "
                + "every patch minus its nearest patch among k good images of the same object (the sources' set aside "
                + "from training, the target's k shots).", plus(inner.parameters(), TrainingData.TARGET_SHOTS),
                values -> new Settings<>(inner.settings(values), KShotPatchCoreMethod.shots(values)));
        this.inner = inner;
    }

    /** @return a wrapping method's parameters: the inner method's and its own */
    static List<Parameter> plus(List<Parameter> inner, Parameter... own) {
        List<Parameter> all = new ArrayList<>(inner);
        all.addAll(List.of(own));
        return all;
    }

    @Override
    public TrainingNeeds needs() {
        return TrainingNeeds.GOOD_AND_DEFECT_IMAGES_AND_TARGET_SHOTS;
    }

    /** References are whole images set aside; tiles of one image would be both reference and trained on. */
    @Override
    public boolean takesTiles() {
        return false;
    }

    @Override
    public AnomalyModel fit(TrainingData data, Settings<S> settings, NDManager manager, Progress progress)
            throws IOException {
        data.require(needs(), title());
        if (java.util.stream.Stream.concat(data.train().stream(), data.targetShots().stream())
                .anyMatch(r -> r.region() != null)) {
            throw new org.crossdefect.core.error.UnsuitableDataException(title() + " does not take tiled images yet; "
                    + "set tiles to 0 (the whole image) for it");
        }
        Map<String, List<ImageRecord>> referenceImages = sourceReferences(data, settings.shots(), progress);
        java.util.Set<ImageRecord> references = referenceImages.values().stream().flatMap(List::stream)
                .collect(java.util.stream.Collectors.toSet());
        List<ImageRecord> train = data.train().stream()
                .filter(r -> referenceImages.containsKey(r.category()) && !references.contains(r)).toList();
        List<ImageRecord> validation = data.validation().stream()
                .filter(r -> referenceImages.containsKey(r.category())).toList();
        Map<String, Residuals.References> byCategory = new HashMap<>();
        for (Map.Entry<String, List<ImageRecord>> e : referenceImages.entrySet()) {
            byCategory.put(e.getKey(), Residuals.References.of(data.embeddings(e.getValue(), progress)));
        }
        AnomalyModel innerModel;
        try (Residuals residuals = new Residuals(manager.newSubManager())) {
            TrainingData onResiduals = data.seenThrough(train, validation, (images, embeddings) -> residuals.of(
                    embeddings, images.stream().map(r -> byCategory.get(r.category())).toList()));
            innerModel = inner.fit(onResiduals, settings.inner(), manager.newSubManager(), progress);
        }
        Residuals.References target = Residuals.References.of(data.embeddings(data.targetShots(), progress));
        return new ResidualModel(data.info(id()), innerModel, target, manager);
    }

    /**
     * k good training images of each source category (fewer where it has fewer than k + 1, so at
     * least one is left to train on), seeded per category.
     */
    private static Map<String, List<ImageRecord>> sourceReferences(TrainingData data, int k, Progress progress) {
        Map<String, List<ImageRecord>> goodByCategory = new LinkedHashMap<>();
        for (ImageRecord r : data.train()) {
            goodByCategory.computeIfAbsent(r.category(), c -> new ArrayList<>());
            if (r.label() == Label.GOOD) {
                goodByCategory.get(r.category()).add(r);
            }
        }
        Map<String, List<ImageRecord>> references = new LinkedHashMap<>();
        for (Map.Entry<String, List<ImageRecord>> e : goodByCategory.entrySet()) {
            List<ImageRecord> good = new ArrayList<>(e.getValue());
            if (good.size() < 2) {
                progress.warn("residual embeddings: the source category " + e.getKey() + " has " + good.size()
                        + " good training images, fewer than the 2 its references need; its images are left out");
                continue;
            }
            good.sort(Comparator.comparing(r -> r.image().toString()));
            java.util.Collections.shuffle(good, new Random(data.seed() ^ e.getKey().hashCode()));
            references.put(e.getKey(), List.copyOf(good.subList(0, Math.min(k, good.size() - 1))));
        }
        return references;
    }

    @Override
    public AnomalyModel read(ModelFile.Contents contents, NDManager manager) throws IOException {
        ResidualModel.Stored stored = contents.json(ResidualModel.Stored.class);
        AnomalyModel innerModel = inner.read(NestedModelFiles.read(contents, INNER_ENTRY), manager.newSubManager());
        float[] vectors = ModelFile.floats(contents.entry(REFERENCES_ENTRY));
        if (vectors.length != (long) stored.referenceKeys().size() * stored.patches() * stored.info().dim()) {
            innerModel.close();
            throw new org.crossdefect.core.model.ModelFileException("model file " + contents.source() + ": entry "
                    + REFERENCES_ENTRY + " holds " + vectors.length + " floats, not the references of "
                    + stored.referenceKeys().size() + " images; train the model again or copy an intact file");
        }
        return new ResidualModel(stored.info(), innerModel, new Residuals.References(stored.referenceKeys(),
                stored.patches(), stored.info().dim(), vectors), manager);
    }
}
