package org.crossdefect.core.semlp;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The SEMLP network Linear(D, H) -> LeakyReLU(0.01) -> [dropout] -> Linear(H, K), with K = 1
 * (anomaly logit) or K classes (good + defect types). The weights live in Java arrays and are
 * copied into a per-batch NDManager scope for each step (49k floats, nothing next to a batch of
 * embeddings), so no native array outlives a batch and native memory cannot grow. Training
 * ({@link SemlpTrainer}) copies them into native arrays once and trains those with DJL's autograd.
 *
 * <p>Layouts: {@code w1} is D x H and {@code w2} is H x K, row-major ([in, out], the transpose
 * of PyTorch's nn.Linear.weight).
 */
final class SemlpNetwork {

    final int dim;
    final int hidden;
    final int outputs;
    final float[] w1;
    final float[] b1;
    final float[] w2;
    final float[] b2;

    SemlpNetwork(int dim, int hidden, int outputs, float[] w1, float[] b1, float[] w2, float[] b2) {
        if (w1.length != dim * hidden || b1.length != hidden || w2.length != hidden * outputs || b2.length != outputs) {
            throw new IllegalArgumentException("SEMLP weights do not fit " + dim + " -> " + hidden + " -> " + outputs);
        }
        this.dim = dim;
        this.hidden = hidden;
        this.outputs = outputs;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    /** PyTorch's nn.Linear initialisation: weights and biases uniform in +-1/sqrt(fan_in). */
    static SemlpNetwork init(int dim, int hidden, int outputs, SplittableRandom random) {
        float[] w1 = uniform(dim * hidden, 1 / Math.sqrt(dim), random);
        float[] b1 = uniform(hidden, 1 / Math.sqrt(dim), random);
        float[] w2 = uniform(hidden * outputs, 1 / Math.sqrt(hidden), random);
        float[] b2 = uniform(outputs, 1 / Math.sqrt(hidden), random);
        return new SemlpNetwork(dim, hidden, outputs, w1, b1, w2, b2);
    }

    private static float[] uniform(int n, double bound, SplittableRandom random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return v;
    }

    SemlpNetwork copy() {
        return new SemlpNetwork(dim, hidden, outputs, w1.clone(), b1.clone(), w2.clone(), b2.clone());
    }

    /** @return the parameter tensors, in the order w1, b1, w2, b2 */
    float[][] parameters() {
        return new float[][] {w1, b1, w2, b2};
    }

    int parameterCount() {
        return w1.length + b1.length + w2.length + b2.length;
    }

    /** @return n x K logits of the n patches in {@code x} (no dropout) */
    float[] logits(NDManager parent, float[] x, int n) {
        try (NDManager scope = parent.newSubManager()) {
            NDArray input = scope.create(x.length == n * dim ? x : java.util.Arrays.copyOf(x, n * dim), new Shape(n, dim));
            NDArray z1 = input.matMul(scope.create(w1, new Shape(dim, hidden))).addi(scope.create(b1));
            NDArray a = z1.maximum(z1.mul(SemlpSettings.LEAKY_SLOPE));
            return a.matMul(scope.create(w2, new Shape(hidden, outputs))).addi(scope.create(b2)).toFloatArray();
        }
    }

    /** @return w1 [D, H], b1, w2 [H, K], b2 as arrays in {@code manager}, for training */
    NDArray[] toArrays(NDManager manager) {
        return new NDArray[] {manager.create(w1, new Shape(dim, hidden)), manager.create(b1),
            manager.create(w2, new Shape(hidden, outputs)), manager.create(b2)};
    }

    /** Copies trained arrays (from {@link #toArrays}) back into this network's weights. */
    void setFrom(NDArray[] arrays) {
        float[][] target = parameters();
        for (int t = 0; t < target.length; t++) {
            float[] values = arrays[t].toFloatArray();
            System.arraycopy(values, 0, target[t], 0, values.length);
        }
    }
}
