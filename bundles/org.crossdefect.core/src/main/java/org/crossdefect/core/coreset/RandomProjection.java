package org.crossdefect.core.coreset;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A seeded Gaussian random projection to a few dimensions (Johnson-Lindenstrauss): distances
 * are kept approximately, so the greedy coreset search can run in 128 dimensions instead of D.
 */
final class RandomProjection implements AutoCloseable {

    private final NDManager manager;
    private final NDArray matrix;
    private final int inDim;
    private final int outDim;

    RandomProjection(int inDim, int outDim, long seed, NDManager manager) {
        this.manager = manager;
        this.inDim = inDim;
        this.outDim = Math.min(outDim, inDim);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        float[] values = new float[inDim * this.outDim];
        double scale = 1.0 / Math.sqrt(this.outDim);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        this.matrix = manager.create(values, new Shape(inDim, this.outDim));
    }

    int outDim() {
        return outDim;
    }

    /** @return the {@code n x outDim} projections of {@code n x inDim} rows */
    float[] project(float[] rows, int n) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(rows, new Shape(n, inDim));
            return x.matMul(matrix).toFloatArray();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
