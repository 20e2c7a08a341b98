package org.crossdefect.core.coreset;

/**
 * @param mode bulk, online or batch-wise
 * @param ratio fraction r of the (selected) patches that join the coreset, in (0, 1]
 * @param projectionDim dimension of the random projection the greedy search runs in (PatchCore: 128)
 * @param seed seeds the projection and the start point
 * @param batchImages images per batch for {@link CoresetMode#BATCH}
 * @param minimumSize keep at least this many patches (or all there are), whatever the ratio:
 *     Labeled PatchCore's anomaly coreset keeps 1,000
 */
public record CoresetSettings(CoresetMode mode, double ratio, int projectionDim, long seed, int batchImages,
        int minimumSize) {

    public static final int DEFAULT_PROJECTION_DIM = 128;

    public CoresetSettings {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("coreset ratio must be in (0, 1], got " + ratio);
        }
        if (projectionDim < 1 || batchImages < 1 || minimumSize < 0) {
            throw new IllegalArgumentException("projection dim and batch must be positive, minimum size >= 0");
        }
    }

    public static CoresetSettings of(CoresetMode mode, double ratio, long seed) {
        return new CoresetSettings(mode, ratio, DEFAULT_PROJECTION_DIM, seed, 8, 0);
    }

    public CoresetSettings withMinimumSize(int size) {
        return new CoresetSettings(mode, ratio, projectionDim, seed, batchImages, size);
    }
}
