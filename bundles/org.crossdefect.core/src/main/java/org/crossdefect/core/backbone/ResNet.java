package org.crossdefect.core.backbone;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;

/**
 * torchvision's ResNet family up to {@code layer4}: ResNet-18 (basic blocks), ResNet-50 and
 * Wide-ResNet50-2 (bottlenecks with the stride on the 3x3 conv, "v1.5"; the wide one doubles each
 * bottleneck's inner width). State-dict names are torchvision's, which timm's
 * {@code *.tv_in1k} weights share.
 */
final class ResNet implements FeatureNetwork {

    private static final double BN_EPS = 1e-5;
    private static final List<String> LAYERS = List.of("layer1", "layer2", "layer3", "layer4");

    /** Depth and width of one member of the family. */
    record Config(String name, boolean bottleneck, int[] blocks, int widthPerGroup) {
        static final Config RESNET18 = new Config("resnet18", false, new int[] {2, 2, 2, 2}, 64);
        static final Config RESNET50 = new Config("resnet50", true, new int[] {3, 4, 6, 3}, 64);
        static final Config WIDE_RESNET50_2 = new Config("wide_resnet50_2", true, new int[] {3, 4, 6, 3}, 128);

        int expansion() {
            return bottleneck ? 4 : 1;
        }

        /** @return output channels of a layer ("layer1".."layer4") */
        int channels(String layer) {
            return 64 * (1 << LAYERS.indexOf(layer)) * expansion();
        }
    }

    private record Block(List<Conv> convs, Conv downsample) {
    }

    private final NDManager manager;
    private final Conv stem;
    private final List<List<Block>> stages;

    private ResNet(NDManager manager, Conv stem, List<List<Block>> stages) {
        this.manager = manager;
        this.stem = stem;
        this.stages = stages;
    }

    /** The tensors a weights file must hold, up to {@code lastLayer}. */
    static List<TensorSpec> expectedTensors(Config config, String lastLayer) {
        List<TensorSpec> specs = new ArrayList<>();
        specs.add(new TensorSpec("conv1.weight", 64, 3, 7, 7));
        bn(specs, "bn1", 64);
        int inplanes = 64;
        for (int s = 0; s <= LAYERS.indexOf(lastLayer); s++) {
            int planes = 64 << s;
            int width = planes * config.widthPerGroup() / 64;
            int out = planes * config.expansion();
            for (int b = 0; b < config.blocks()[s]; b++) {
                String p = "layer" + (s + 1) + "." + b + ".";
                int in = b == 0 ? inplanes : out;
                if (config.bottleneck()) {
                    specs.add(new TensorSpec(p + "conv1.weight", width, in, 1, 1));
                    bn(specs, p + "bn1", width);
                    specs.add(new TensorSpec(p + "conv2.weight", width, width, 3, 3));
                    bn(specs, p + "bn2", width);
                    specs.add(new TensorSpec(p + "conv3.weight", out, width, 1, 1));
                    bn(specs, p + "bn3", out);
                } else {
                    specs.add(new TensorSpec(p + "conv1.weight", out, in, 3, 3));
                    bn(specs, p + "bn1", out);
                    specs.add(new TensorSpec(p + "conv2.weight", out, out, 3, 3));
                    bn(specs, p + "bn2", out);
                }
                if (b == 0 && (s > 0 || in != out)) {
                    specs.add(new TensorSpec(p + "downsample.0.weight", out, in, 1, 1));
                    bn(specs, p + "downsample.1", out);
                }
            }
            inplanes = out;
        }
        return specs;
    }

    private static void bn(List<TensorSpec> specs, String prefix, int channels) {
        for (String part : new String[] {"weight", "bias", "running_mean", "running_var"}) {
            specs.add(new TensorSpec(prefix + "." + part, channels));
        }
    }

    /** Builds the network from checked weights (see {@link #expectedTensors}). */
    static ResNet build(Config config, Weights w, String lastLayer, NDManager manager) {
        Conv stem = Conv.fold(w, "conv1", "bn1", BN_EPS, 2, 3, 1, Conv.Padding.SYMMETRIC, manager);
        List<List<Block>> stages = new ArrayList<>();
        for (int s = 0; s <= LAYERS.indexOf(lastLayer); s++) {
            List<Block> blocks = new ArrayList<>();
            for (int b = 0; b < config.blocks()[s]; b++) {
                String p = "layer" + (s + 1) + "." + b + ".";
                int stride = s > 0 && b == 0 ? 2 : 1;
                List<Conv> convs = new ArrayList<>();
                if (config.bottleneck()) {
                    convs.add(Conv.fold(w, p + "conv1", p + "bn1", BN_EPS, 1, 0, 1, Conv.Padding.SYMMETRIC, manager));
                    convs.add(Conv.fold(w, p + "conv2", p + "bn2", BN_EPS, stride, 1, 1, Conv.Padding.SYMMETRIC,
                            manager));
                    convs.add(Conv.fold(w, p + "conv3", p + "bn3", BN_EPS, 1, 0, 1, Conv.Padding.SYMMETRIC, manager));
                } else {
                    convs.add(Conv.fold(w, p + "conv1", p + "bn1", BN_EPS, stride, 1, 1, Conv.Padding.SYMMETRIC,
                            manager));
                    convs.add(Conv.fold(w, p + "conv2", p + "bn2", BN_EPS, 1, 1, 1, Conv.Padding.SYMMETRIC, manager));
                }
                Conv downsample = w.has(p + "downsample.0.weight")
                        ? Conv.fold(w, p + "downsample.0", p + "downsample.1", BN_EPS, stride, 0, 1,
                                Conv.Padding.SYMMETRIC, manager)
                        : null;
                blocks.add(new Block(convs, downsample));
            }
            stages.add(blocks);
        }
        return new ResNet(manager, stem, stages);
    }

    @Override
    public List<String> layerNames() {
        return LAYERS.subList(0, stages.size());
    }

    @Override
    public NDList forward(NDArray input, List<String> layers) {
        int last = layers.stream().mapToInt(LAYERS::indexOf).max().orElseThrow();
        NDArray[] outputs = new NDArray[LAYERS.size()];
        NDArray x = Activation.relu(stem.apply(input));
        NDArray pooled = Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
        x.close();
        x = pooled;
        for (int s = 0; s <= last; s++) {
            for (Block block : stages.get(s)) {
                NDArray next = block(block, x);
                if (!isKept(x, outputs)) {
                    x.close();
                }
                x = next;
            }
            outputs[s] = x;
        }
        NDList result = new NDList();
        for (String layer : layers) {
            result.add(outputs[LAYERS.indexOf(layer)]);
        }
        for (NDArray out : outputs) {
            if (out != null && !result.contains(out)) {
                out.close();
            }
        }
        return result;
    }

    private static boolean isKept(NDArray x, NDArray[] outputs) {
        for (NDArray out : outputs) {
            if (out == x) {
                return true;
            }
        }
        return false;
    }

    private static NDArray block(Block block, NDArray x) {
        NDArray h = x;
        List<Conv> convs = block.convs();
        for (int i = 0; i < convs.size(); i++) {
            NDArray y = convs.get(i).apply(h);
            if (h != x) {
                h.close();
            }
            if (i < convs.size() - 1) {
                NDArray activated = Activation.relu(y);
                y.close();
                y = activated;
            }
            h = y;
        }
        NDArray identity = block.downsample() == null ? x : block.downsample().apply(x);
        h.addi(identity);
        if (identity != x) {
            identity.close();
        }
        NDArray out = Activation.relu(h);
        h.close();
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
