package org.crossdefect.core.adapt;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.model.NestedModelFiles;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.DecisionBand;
import org.crossdefect.core.score.ImageScore;

import ai.djl.ndarray.NDManager;

/** A cross-category model and a k-shot bank, each calibrated on the target's good images, fused. */
final class FusedModel implements AnomalyModel {

    /** What model.json holds; the two parts are entries of their own. */
    record Stored(ModelInfo info, Calibration crossCategory, Calibration kshot, FusionMethod.Fusion fusion,
            double threshold, DecisionBand band) {
    }

    private final ModelInfo info;
    private final AnomalyModel crossCategory;
    private final AnomalyModel kshot;
    private final Calibration crossScale;
    private final Calibration kshotScale;
    private final FusionMethod.Fusion fusion;
    private final double threshold;
    private final DecisionBand band;
    private final NDManager manager;

    FusedModel(ModelInfo info, AnomalyModel crossCategory, AnomalyModel kshot, Calibration crossScale,
            Calibration kshotScale, FusionMethod.Fusion fusion, double threshold, DecisionBand band,
            NDManager manager) {
        this.info = info;
        this.crossCategory = crossCategory;
        this.kshot = kshot;
        this.crossScale = crossScale;
        this.kshotScale = kshotScale;
        this.fusion = fusion;
        this.threshold = threshold;
        this.band = band;
        this.manager = manager;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public List<ImageScore> score(PatchSource images, Progress progress) throws IOException {
        if (!separateParts().isEmpty()) {
            throw new org.crossdefect.core.error.IncompatibleException(info.method() + " fuses a whole-image part and a "
                    + "tiled part, so it scores images, not one set of embeddings; predict with it through a workspace");
        }
        return fuse(List.of(crossCategory.score(images, progress), kshot.score(images, progress)));
    }

    /** The two parts when they cut images differently (whole and tiled); none when alike. */
    @Override
    public List<AnomalyModel> separateParts() {
        return crossCategory.info().tiling().equals(kshot.info().tiling()) ? List.of() : List.of(crossCategory, kshot);
    }

    @Override
    public List<ImageScore> fuse(List<List<ImageScore>> parts) {
        List<ImageScore> cross = parts.get(0);
        List<ImageScore> own = parts.get(1);
        List<ImageScore> fused = new ArrayList<>(cross.size());
        for (int i = 0; i < cross.size(); i++) {
            ImageScore c = cross.get(i);
            ImageScore k = own.get(i);
            float[] patches = new float[c.patchScores().length];
            for (int p = 0; p < patches.length; p++) {
                patches[p] = (float) fusion.of(crossScale.patch(c.patchScores()[p]), kshotScale.patch(k.patchScores()[p]));
            }
            // The decision is the good-images-only threshold's: the cross-category model's own one
            // ignores the k-shot half.
            double score = fusion.of(crossScale.image(c.score()), kshotScale.image(k.score()));
            fused.add(new ImageScore(score, patches, c.gridHeight(), c.gridWidth(), score >= threshold,
                    c.defectType()));
        }
        return fused;
    }

    @Override
    public java.util.Optional<DecisionBand> decisionBand() {
        return java.util.Optional.of(band);
    }

    @Override
    public java.util.OptionalDouble goodOnlyThreshold() {
        return java.util.OptionalDouble.of(threshold);
    }

    @Override
    public void write(OutputStream out) throws IOException {
        ModelFile.write(out, info.method(), new Stored(info, crossScale, kshotScale, fusion, threshold, band),
                Map.of(FusionMethod.CROSS_CATEGORY_ENTRY, NestedModelFiles.bytes(crossCategory), FusionMethod.KSHOT_ENTRY,
                        NestedModelFiles.bytes(kshot)));
    }

    @Override
    public void useSearch(org.crossdefect.core.nn.Search search) {
        crossCategory.useSearch(search);
        kshot.useSearch(search);
    }

    @Override
    public void close() {
        try {
            crossCategory.close();
            kshot.close();
        } finally {
            manager.close();
        }
    }
}
