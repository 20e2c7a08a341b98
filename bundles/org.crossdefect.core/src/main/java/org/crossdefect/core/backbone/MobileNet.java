package org.crossdefect.core.backbone;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * The two TensorFlow-trained MobileNets of ../shared/backbones (see its README for the layer
 * tables): V1 (Keras, batch norm eps 1e-3) and V2 (TFLite, batch norm folded into conv biases).
 * Both pad TensorFlow's "SAME" way, which differs from PyTorch's symmetric padding on every
 * stride-2 layer; getting that wrong shifts the sampling grid by a pixel.
 */
final class MobileNet implements FeatureNetwork {

    static final double KERAS_BN_EPS = 1e-3;
    static final int[] V1_CHANNELS = {64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024};
    static final int[] V1_STRIDES = {1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 1, 2};
    static final int[] V2_CHANNELS = {16, 24, 24, 32, 32, 32, 64, 64, 64, 64, 96, 96, 96, 160, 160, 160, 320};
    static final int[] V2_STRIDES = {1, 2, 1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1};

    /** One step of the network; {@code name} is the feature-map name of its output. */
    private record Step(String name, Conv conv, boolean relu6, boolean addBlockInput, boolean startsBlock) {
    }

    private final NDManager manager;
    private final List<Step> steps;

    private MobileNet(NDManager manager, List<Step> steps) {
        this.manager = manager;
        this.steps = steps;
    }

    // ---- V1 -------------------------------------------------------------------------------

    static List<String> v1Layers() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= V1_CHANNELS.length; i++) {
            names.add("blocks." + i);
        }
        return names;
    }

    static List<TensorSpec> v1Tensors(String lastLayer) {
        List<TensorSpec> specs = new ArrayList<>();
        specs.add(new TensorSpec("conv1.weight", 32, 3, 3, 3));
        bn(specs, "bn1", 32);
        int in = 32;
        for (int i = 1; i <= v1Layers().indexOf(lastLayer) + 1; i++) {
            int out = V1_CHANNELS[i - 1];
            specs.add(new TensorSpec("blocks." + i + ".dw.weight", in, 1, 3, 3));
            bn(specs, "blocks." + i + ".dw_bn", in);
            specs.add(new TensorSpec("blocks." + i + ".pw.weight", out, in, 1, 1));
            bn(specs, "blocks." + i + ".pw_bn", out);
            in = out;
        }
        return specs;
    }

    static MobileNet buildV1(Weights w, String lastLayer, NDManager manager) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("conv1", Conv.fold(w, "conv1", "bn1", KERAS_BN_EPS, 2, 0, 1, Conv.Padding.TF_SAME, manager),
                true, false, false));
        int in = 32;
        for (int i = 1; i <= v1Layers().indexOf(lastLayer) + 1; i++) {
            String p = "blocks." + i;
            steps.add(new Step(p + ".dw", Conv.fold(w, p + ".dw", p + ".dw_bn", KERAS_BN_EPS, V1_STRIDES[i - 1], 0, in,
                    Conv.Padding.TF_SAME, manager), true, false, false));
            steps.add(new Step(p, Conv.fold(w, p + ".pw", p + ".pw_bn", KERAS_BN_EPS, 1, 0, 1, Conv.Padding.TF_SAME,
                    manager), true, false, false));
            in = V1_CHANNELS[i - 1];
        }
        return new MobileNet(manager, steps);
    }

    // ---- V2 -------------------------------------------------------------------------------

    static List<String> v2Layers() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < V2_CHANNELS.length; i++) {
            if (i > 0) {
                names.add("blocks." + i + ".expand");
            }
            names.add("blocks." + i);
        }
        return names;
    }

    static List<TensorSpec> v2Tensors(String lastLayer) {
        List<TensorSpec> specs = new ArrayList<>();
        specs.add(new TensorSpec("conv1.weight", 32, 3, 3, 3));
        specs.add(new TensorSpec("conv1.bias", 32));
        int last = v2BlockIndex(lastLayer);
        int in = 32;
        for (int i = 0; i <= last; i++) {
            String p = "blocks." + i;
            int hidden = i == 0 ? in : in * 6;
            if (i > 0) {
                specs.add(new TensorSpec(p + ".expand.weight", hidden, in, 1, 1));
                specs.add(new TensorSpec(p + ".expand.bias", hidden));
            }
            if (i == last && lastLayer.endsWith(".expand")) {
                break;
            }
            specs.add(new TensorSpec(p + ".dw.weight", hidden, 1, 3, 3));
            specs.add(new TensorSpec(p + ".dw.bias", hidden));
            specs.add(new TensorSpec(p + ".project.weight", V2_CHANNELS[i], hidden, 1, 1));
            specs.add(new TensorSpec(p + ".project.bias", V2_CHANNELS[i]));
            in = V2_CHANNELS[i];
        }
        return specs;
    }

    static MobileNet buildV2(Weights w, String lastLayer, NDManager manager) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("conv1", Conv.fold(w, "conv1", null, 0, 2, 0, 1, Conv.Padding.TF_SAME, manager), true, false,
                false));
        int last = v2BlockIndex(lastLayer);
        int in = 32;
        for (int i = 0; i <= last; i++) {
            String p = "blocks." + i;
            int hidden = i == 0 ? in : in * 6;
            boolean residual = V2_STRIDES[i] == 1 && in == V2_CHANNELS[i];
            if (i > 0) {
                steps.add(new Step(p + ".expand", Conv.fold(w, p + ".expand", null, 0, 1, 0, 1, Conv.Padding.TF_SAME,
                        manager), true, false, true));
                if (i == last && lastLayer.endsWith(".expand")) {
                    break;
                }
            }
            steps.add(new Step(p + ".dw", Conv.fold(w, p + ".dw", null, 0, V2_STRIDES[i], 0, hidden,
                    Conv.Padding.TF_SAME, manager), true, false, i == 0));
            steps.add(new Step(p, Conv.fold(w, p + ".project", null, 0, 1, 0, 1, Conv.Padding.TF_SAME, manager), false,
                    residual, false));
            in = V2_CHANNELS[i];
        }
        return new MobileNet(manager, steps);
    }

    private static int v2BlockIndex(String layer) {
        String[] parts = layer.split("\\.");
        return Integer.parseInt(parts[1]);
    }

    private static void bn(List<TensorSpec> specs, String prefix, int channels) {
        for (String part : new String[] {"weight", "bias", "running_mean", "running_var"}) {
            specs.add(new TensorSpec(prefix + "." + part, channels));
        }
    }

    // ---- forward ---------------------------------------------------------------------------

    @Override
    public List<String> layerNames() {
        return steps.stream().map(Step::name).filter(n -> !n.endsWith(".dw") && !n.equals("conv1")).toList();
    }

    @Override
    public NDList forward(NDArray input, List<String> layers) {
        int lastStep = 0;
        for (int s = 0; s < steps.size(); s++) {
            if (layers.contains(steps.get(s).name())) {
                lastStep = s;
            }
        }
        NDArray[] kept = new NDArray[layers.size()];
        NDArray x = input;
        NDArray blockInput = null;
        for (int s = 0; s <= lastStep; s++) {
            Step step = steps.get(s);
            if (step.startsBlock()) {
                blockInput = x;
            }
            NDArray y = step.conv().apply(x);
            if (step.relu6()) {
                NDArray clipped = y.clip(0, 6);
                y.close();
                y = clipped;
            }
            if (step.addBlockInput()) {
                y.addi(blockInput);
            }
            int index = layers.indexOf(step.name());
            if (index >= 0) {
                kept[index] = y;
            }
            if (x != input && x != blockInput && !isKept(x, kept)) {
                x.close();
            }
            if (step.name().matches("blocks\\.\\d+") && blockInput != null && blockInput != input
                    && !isKept(blockInput, kept) && blockInput != y) {
                blockInput.close();
                blockInput = null;
            }
            x = y;
        }
        if (x != input && !isKept(x, kept)) {
            x.close();
        }
        return new NDList(kept);
    }

    private static boolean isKept(NDArray x, NDArray[] kept) {
        for (NDArray k : kept) {
            if (k == x) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        manager.close();
    }
}
