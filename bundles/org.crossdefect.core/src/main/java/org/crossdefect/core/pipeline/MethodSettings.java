package org.crossdefect.core.pipeline;

import java.util.Locale;

import org.crossdefect.core.coreset.CoresetMode;
import org.crossdefect.core.coreset.CoresetSettings;
import org.crossdefect.core.patchcore.LabeledPatchCoreModel;
import org.crossdefect.core.semlp.SemlpSettings;

/**
 * How to train a model, whatever the method.
 *
 * @param method "patchcore", "labeled-patchcore" or "semlp"
 * @param coresetMode bulk, online or batch-wise
 * @param coresetRatio the coreset ratio r before dividing by the number of training categories
 * @param divideRatioByCategories the paper's rule for cross-category training: r / number of
 *     source categories (memory); off for single-category training
 * @param projectionDim random projection of the coreset search
 * @param patchThreshold mask fraction from which a patch counts as anomalous (paper: 0.1)
 * @param seed seeds coreset and training
 * @param semlp SEMLP training settings (method "semlp"); its patch threshold and seed are
 *     replaced by this record's {@code patchThreshold} and {@code seed}; null means defaults
 */
public record MethodSettings(String method, CoresetMode coresetMode, double coresetRatio,
        boolean divideRatioByCategories, int projectionDim, double patchThreshold, long seed, SemlpSettings semlp) {

    public static final double DEFAULT_CORESET_RATIO = 0.1;

    public MethodSettings {
        method = method.toLowerCase(Locale.ROOT);
        if (semlp == null) {
            semlp = SemlpSettings.defaults();
        }
    }

    /** The settings of the PatchCore family, with default SEMLP settings. */
    public MethodSettings(String method, CoresetMode coresetMode, double coresetRatio, boolean divideRatioByCategories,
            int projectionDim, double patchThreshold, long seed) {
        this(method, coresetMode, coresetRatio, divideRatioByCategories, projectionDim, patchThreshold, seed, null);
    }

    /** @return these settings with other SEMLP training settings */
    public MethodSettings withSemlp(SemlpSettings newSemlp) {
        return new MethodSettings(method, coresetMode, coresetRatio, divideRatioByCategories, projectionDim,
                patchThreshold, seed, newSemlp);
    }

    /** @return the SEMLP settings to train with: {@link #semlp()} with this record's threshold and seed */
    public SemlpSettings semlpTraining() {
        return semlp.withPatchThreshold(patchThreshold).withSeed(seed);
    }

    public static MethodSettings defaults(String method) {
        return new MethodSettings(method, CoresetMode.ONLINE, DEFAULT_CORESET_RATIO, false,
                CoresetSettings.DEFAULT_PROJECTION_DIM, LabeledPatchCoreModel.DEFAULT_PATCH_THRESHOLD, 0);
    }

    public MethodSettings withSeed(long newSeed) {
        return new MethodSettings(method, coresetMode, coresetRatio, divideRatioByCategories, projectionDim,
                patchThreshold, newSeed, semlp);
    }

    public MethodSettings withCoreset(CoresetMode mode, double ratio) {
        return new MethodSettings(method, mode, ratio, divideRatioByCategories, projectionDim, patchThreshold, seed,
                semlp);
    }

    public MethodSettings crossCategory(boolean divide) {
        return new MethodSettings(method, coresetMode, coresetRatio, divide, projectionDim, patchThreshold, seed,
                semlp);
    }

    /** @return the coreset settings for a training set of that many categories */
    public CoresetSettings coreset(int trainingCategories) {
        double ratio = divideRatioByCategories ? coresetRatio / Math.max(1, trainingCategories) : coresetRatio;
        return new CoresetSettings(coresetMode, ratio, projectionDim, seed, 8, 0);
    }
}
