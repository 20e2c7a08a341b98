package org.crossdefect.core.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * One convolution with its batch norm folded in: {@code y = conv(x, w') + b'}, where
 * {@code w' = w * s}, {@code b' = beta + (bias - mean) * s} and {@code s = gamma / sqrt(var + eps)}.
 * Inference only needs the folded form, which halves the number of native calls and the memory
 * traffic of a forward pass; the folding is done in double precision.
 */
final class Conv {

    /** How a convolution pads its input. */
    enum Padding {
        /** PyTorch: {@code pad} zeros on every side. */
        SYMMETRIC,
        /** TensorFlow "SAME": as much as needed for {@code ceil(n / stride)} outputs, extra at the end. */
        TF_SAME
    }

    private final NDArray weight;
    private final NDArray bias;
    private final int kernel;
    private final int stride;
    private final int pad;
    private final int groups;
    private final Padding padding;

    private Conv(NDArray weight, NDArray bias, int stride, int pad, int groups, Padding padding) {
        this.weight = weight;
        this.bias = bias;
        this.kernel = (int) weight.getShape().get(2);
        this.stride = stride;
        this.pad = pad;
        this.groups = groups;
        this.padding = padding;
    }

    /**
     * @param convName the conv's state-dict prefix, e.g. "layer1.0.conv1" (its ".weight" and, if
     *     present, ".bias" are read)
     * @param bnName the following batch norm's prefix, or null if there is none (BN already folded)
     * @param eps the batch norm's epsilon (1e-5 in PyTorch, 1e-3 in Keras)
     * @param manager owns the folded tensors (on the backbone's device)
     */
    static Conv fold(Weights w, String convName, String bnName, double eps, int stride, int pad, int groups,
            Padding padding, NDManager manager) {
        NDArray rawWeight = w.get(convName + ".weight");
        Shape shape = rawWeight.getShape();
        int out = (int) shape.get(0);
        int perOut = (int) (shape.size() / out);
        float[] kernelValues = rawWeight.toFloatArray();
        double[] scale = new double[out];
        double[] shift = new double[out];
        float[] convBias = w.has(convName + ".bias") ? w.floats(convName + ".bias") : new float[out];
        if (bnName == null) {
            java.util.Arrays.fill(scale, 1.0);
            for (int o = 0; o < out; o++) {
                shift[o] = convBias[o];
            }
        } else {
            float[] gamma = w.floats(bnName + ".weight");
            float[] beta = w.floats(bnName + ".bias");
            float[] mean = w.floats(bnName + ".running_mean");
            float[] var = w.floats(bnName + ".running_var");
            for (int o = 0; o < out; o++) {
                scale[o] = gamma[o] / Math.sqrt(var[o] + eps);
                shift[o] = beta[o] + (convBias[o] - mean[o]) * scale[o];
            }
        }
        float[] folded = new float[kernelValues.length];
        float[] foldedBias = new float[out];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < perOut; i++) {
                folded[o * perOut + i] = (float) (kernelValues[o * perOut + i] * scale[o]);
            }
            foldedBias[o] = (float) shift[o];
        }
        return new Conv(manager.create(folded, shape), manager.create(foldedBias), stride, pad, groups, padding);
    }

    /** @return the output: its manager is the input's */
    NDArray apply(NDArray x) {
        NDArray input = x;
        int symmetric = pad;
        if (padding == Padding.TF_SAME) {
            long h = x.getShape().get(2);
            long wd = x.getShape().get(3);
            int[] ph = sameSplit(h);
            int[] pw = sameSplit(wd);
            if (ph[0] == ph[1] && pw[0] == pw[1] && ph[0] == pw[0]) {
                symmetric = ph[0];
            } else {
                // Torch's F.pad order: last axis first (left, right, top, bottom).
                input = x.pad(new Shape(pw[0], pw[1], ph[0], ph[1]), 0);
                symmetric = 0;
            }
        }
        NDArray y = Conv2d.conv2d(input, weight, bias, new Shape(stride, stride), new Shape(symmetric, symmetric),
                new Shape(1, 1), groups).singletonOrThrow();
        if (input != x) {
            input.close();
        }
        return y;
    }

    /** TensorFlow SAME padding of one axis: (before, after). */
    private int[] sameSplit(long n) {
        long out = (n + stride - 1) / stride;
        long total = Math.max((out - 1) * stride + kernel - n, 0);
        int before = (int) (total / 2);
        return new int[] {before, (int) (total - before)};
    }
}
