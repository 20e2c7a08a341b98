package org.crossdefect.core.pipeline;

import java.util.Locale;

import org.crossdefect.core.coreset.CoresetMode;
import org.crossdefect.core.coreset.CoresetSettings;
import org.crossdefect.core.patchcore.LabeledPatchCoreModel;

/**
 * How to train a model, whatever the method.
 *
 * @param method "patchcore" or "labeled-patchcore" (more methods join later)
 * @param coresetMode bulk, online or batch-wise
 * @param coresetRatio the coreset ratio r before dividing by the number of training categories
 * @param divideRatioByCategories the paper's rule for cross-category training: r / number of
 *     source categories (memory); off for single-category training
 * @param projectionDim random projection of the coreset search
 * @param patchThreshold mask fraction from which a patch counts as anomalous (paper: 0.1)
 * @param seed seeds coreset and training
 */
public record MethodSettings(String method, CoresetMode coresetMode, double coresetRatio,
        boolean divideRatioByCategories, int projectionDim, double patchThreshold, long seed) {

    public static final double DEFAULT_CORESET_RATIO = 0.1;

    public MethodSettings {
        method = method.toLowerCase(Locale.ROOT);
    }

    public static MethodSettings defaults(String method) {
        return new MethodSettings(method, CoresetMode.ONLINE, DEFAULT_CORESET_RATIO, false,
                CoresetSettings.DEFAULT_PROJECTION_DIM, LabeledPatchCoreModel.DEFAULT_PATCH_THRESHOLD, 0);
    }

    public MethodSettings withSeed(long newSeed) {
        return new MethodSettings(method, coresetMode, coresetRatio, divideRatioByCategories, projectionDim,
                patchThreshold, newSeed);
    }

    public MethodSettings withCoreset(CoresetMode mode, double ratio) {
        return new MethodSettings(method, mode, ratio, divideRatioByCategories, projectionDim, patchThreshold, seed);
    }

    public MethodSettings crossCategory(boolean divide) {
        return new MethodSettings(method, coresetMode, coresetRatio, divide, projectionDim, patchThreshold, seed);
    }

    /** @return the coreset settings for a training set of that many categories */
    public CoresetSettings coreset(int trainingCategories) {
        double ratio = divideRatioByCategories ? coresetRatio / Math.max(1, trainingCategories) : coresetRatio;
        return new CoresetSettings(coresetMode, ratio, projectionDim, seed, 8, 0);
    }
}
