package org.crossdefect.core.backbone;

import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A convolution, its batch norm (real, not folded: its scale and shift are trained) and an
 * activation, as DJL blocks whose parameters are set from a state dict. The batch norm always
 * runs with its running statistics ("eval mode"): MIRO fine-tunes with frozen statistics, and
 * batches of 8 would give noisy ones.
 */
final class ConvBnBlock extends AbstractBlock {

    /** What follows the batch norm. */
    enum Activation {
        NONE, RELU, RELU6
    }

    private final Conv2d conv;
    private final BatchNorm norm;
    private final Activation activation;
    private final Conv.Padding padding;
    private final int kernel;
    private final int stride;

    /**
     * @param convName state-dict prefix of the convolution ({@code .weight}, optional {@code .bias})
     * @param bnName prefix of its batch norm, or null where the file has it folded in (MobileNetV2)
     * @param stateDict receives state-dict name -> parameter, for export and checksums
     */
    ConvBnBlock(Weights w, String convName, String bnName, float eps, int stride, int pad, int groups,
            Conv.Padding padding, Activation activation, Map<String, Parameter> stateDict, NDManager manager) {
        NDArray weight = w.get(convName + ".weight");
        Shape shape = weight.getShape();
        boolean hasBias = w.has(convName + ".bias");
        this.kernel = (int) shape.get(2);
        this.stride = stride;
        this.activation = activation;
        // At stride 1, TensorFlow's SAME is (k - 1) / 2 on every side whatever the size: the
        // convolution pads by itself, without a pad op (and its backward pass) in the graph.
        boolean sameBySelf = padding == Conv.Padding.TF_SAME && stride == 1 && kernel % 2 == 1;
        this.padding = sameBySelf ? Conv.Padding.SYMMETRIC : padding;
        int convPad = sameBySelf ? (kernel - 1) / 2 : pad;
        this.conv = addChildBlock("conv", Conv2d.builder().setKernelShape(new Shape(shape.get(2), shape.get(3)))
                .setFilters((int) shape.get(0)).optStride(new Shape(stride, stride)).optPadding(new Shape(convPad, convPad))
                .optGroups(groups).optBias(hasBias).build());
        set(conv, "weight", w, convName + ".weight", stateDict, manager);
        if (hasBias) {
            set(conv, "bias", w, convName + ".bias", stateDict, manager);
        }
        if (bnName == null) {
            this.norm = null;
        } else {
            this.norm = addChildBlock("bn", BatchNorm.builder().optEpsilon(eps).build());
            set(norm, "gamma", w, bnName + ".weight", stateDict, manager);
            set(norm, "beta", w, bnName + ".bias", stateDict, manager);
            set(norm, "runningMean", w, bnName + ".running_mean", stateDict, manager);
            set(norm, "runningVar", w, bnName + ".running_var", stateDict, manager);
        }
    }

    private static void set(AbstractBlock block, String parameter, Weights w, String name,
            Map<String, Parameter> stateDict, NDManager manager) {
        Parameter p = block.getDirectParameters().get(parameter);
        // A copy owned by the network's manager: the weights' manager is closed after loading.
        NDArray copy = w.get(name).duplicate();
        copy.attach(manager);
        p.setArray(copy);
        stateDict.put(name, p);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray padded = padding == Conv.Padding.TF_SAME ? tfSamePad(x) : x;
        NDArray y = conv.forward(ps, new NDList(padded), false).singletonOrThrow();
        if (norm != null) {
            y = norm.forward(ps, new NDList(y), false).singletonOrThrow();
        }
        return new NDList(switch (activation) {
            case NONE -> y;
            case RELU -> ai.djl.nn.Activation.relu(y);
            case RELU6 -> y.clip(0, 6);
        });
    }

    /** TensorFlow "SAME": {@code ceil(n / stride)} outputs, the extra padding at the end. */
    private NDArray tfSamePad(NDArray x) {
        long[] h = sameSplit(x.getShape().get(2));
        long[] w = sameSplit(x.getShape().get(3));
        if (h[0] == 0 && h[1] == 0 && w[0] == 0 && w[1] == 0) {
            return x;
        }
        return x.pad(new Shape(w[0], w[1], h[0], h[1]), 0);
    }

    private long[] sameSplit(long n) {
        long out = (n + stride - 1) / stride;
        long total = Math.max((out - 1) * stride + kernel - n, 0);
        return new long[] {total / 2, total - total / 2};
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (padding == Conv.Padding.TF_SAME) {
            long[] h = sameSplit(in.get(2));
            long[] w = sameSplit(in.get(3));
            in = new Shape(in.get(0), in.get(1), in.get(2) + h[0] + h[1], in.get(3) + w[0] + w[1]);
        }
        return conv.getOutputShapes(new Shape[] {in});
    }
}
