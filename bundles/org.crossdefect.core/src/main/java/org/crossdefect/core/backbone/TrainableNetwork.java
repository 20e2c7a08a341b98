package org.crossdefect.core.backbone;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A backbone that can be fine-tuned: DJL blocks whose parameters are the state dict's tensors
 * (same names as the weights files, so a fine-tuned network is saved as an ordinary weights file),
 * with real batch norms (kept at their running statistics) and no in-place operations. The frozen
 * {@link Backbone} folds batch norms into convolutions for speed; this one keeps them apart so
 * their scale and shift can learn.
 *
 * <p>Its forward pass returns every stage's output ({@link #stageNames()}): the stem, then each
 * ResNet layer or each MobileNet block. Trainable: MobileNetV1/V2 and the ResNet family (18, 50,
 * Wide-ResNet50-2). ViT-B/8 is not built as blocks yet and is refused with that reason.
 */
public final class TrainableNetwork extends AbstractBlock implements AutoCloseable {

    private static final float RESNET_BN_EPS = 1e-5f;
    private static final float KERAS_BN_EPS = (float) MobileNet.KERAS_BN_EPS;
    private static final int[] V1_CHANNELS = MobileNet.V1_CHANNELS;
    private static final int[] V1_STRIDES = MobileNet.V1_STRIDES;

    private final Architecture architecture;
    private final List<String> stageNames;
    private final List<Block> stages;
    private final Map<String, Parameter> stateDict;
    private final NDManager manager;
    private final ParameterStore parameterStore;

    private TrainableNetwork(Architecture architecture, List<String> stageNames, List<Block> stages,
            Map<String, Parameter> stateDict, NDManager manager) {
        this.architecture = architecture;
        this.stageNames = List.copyOf(stageNames);
        this.stages = List.copyOf(stages);
        this.stateDict = stateDict;
        this.manager = manager;
        for (int i = 0; i < stages.size(); i++) {
            addChildBlock(stageNames.get(i).replace('.', '_'), stages.get(i));
        }
        this.parameterStore = new ParameterStore(manager, false);
    }

    /** @return whether {@link #load} can build this architecture */
    public static boolean supports(Architecture a) {
        return switch (a) {
            case MOBILENET_V1, MOBILENET_V2, RESNET18, RESNET50, WIDE_RESNET50_2 -> true;
            default -> false;
        };
    }

    /**
     * Builds the whole network (every layer, up to the last stage) from the spec's weights: its
     * file, or seeded random weights.
     *
     * @param parent the network's manager is a sub-manager of it, on its device
     * @throws BackboneException if the architecture cannot be trained here or the weights do not fit
     */
    public static TrainableNetwork load(BackboneSpec spec, NDManager parent) throws BackboneException {
        Architecture a = spec.architecture();
        if (!supports(a)) {
            throw new BackboneException("backbone " + a.id() + " cannot be fine-tuned here: it is not built as "
                    + "trainable blocks; choose mobilenet_v1, mobilenet_v2, resnet18, resnet50 or wide_resnet50_2");
        }
        String last = a.layerNames().get(a.layerNames().size() - 1);
        NDManager manager = parent.newSubManager();
        try (NDManager loading = parent.newSubManager()) {
            Weights weights = spec.randomWeights() ? Backbone.randomWeights(a.expectedTensors(last), loading)
                    : Weights.read(WeightsLocator.locate(spec), loading);
            weights.check(a.id(), a.expectedTensors(last));
            return of(a, weights, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Builds from checked weights; the network owns {@code manager} and closes it. */
    static TrainableNetwork of(Architecture a, Weights w, NDManager manager) {
        return switch (a) {
            case MOBILENET_V1 -> mobileNetV1(w, manager);
            case MOBILENET_V2 -> mobileNetV2(w, manager);
            case RESNET18 -> resNet(a, ResNet.Config.RESNET18, w, manager);
            case RESNET50 -> resNet(a, ResNet.Config.RESNET50, w, manager);
            case WIDE_RESNET50_2 -> resNet(a, ResNet.Config.WIDE_RESNET50_2, w, manager);
            default -> throw new IllegalArgumentException(a.id() + " is not trainable");
        };
    }

    private static TrainableNetwork mobileNetV1(Weights w, NDManager manager) {
        Map<String, Parameter> dict = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<Block> stages = new ArrayList<>();
        names.add("stem");
        stages.add(new ConvBnBlock(w, "conv1", "bn1", KERAS_BN_EPS, 2, 0, 1, Conv.Padding.TF_SAME,
                ConvBnBlock.Activation.RELU6, dict, manager));
        int in = 32;
        for (int i = 1; i <= V1_CHANNELS.length; i++) {
            String p = "blocks." + i;
            SequentialBlock block = new SequentialBlock();
            block.add(new ConvBnBlock(w, p + ".dw", p + ".dw_bn", KERAS_BN_EPS, V1_STRIDES[i - 1], 0, in,
                    Conv.Padding.TF_SAME, ConvBnBlock.Activation.RELU6, dict, manager));
            block.add(new ConvBnBlock(w, p + ".pw", p + ".pw_bn", KERAS_BN_EPS, 1, 0, 1, Conv.Padding.TF_SAME,
                    ConvBnBlock.Activation.RELU6, dict, manager));
            names.add(p);
            stages.add(block);
            in = V1_CHANNELS[i - 1];
        }
        return new TrainableNetwork(Architecture.MOBILENET_V1, names, stages, dict, manager);
    }

    /**
     * MobileNetV2 as its TFLite file holds it: batch norms already folded into convolution
     * biases (so there is no batch norm to keep apart; the biases learn), ReLU6 after expand and
     * depthwise convolutions, a linear projection, the residual where shapes allow.
     */
    private static TrainableNetwork mobileNetV2(Weights w, NDManager manager) {
        Map<String, Parameter> dict = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<Block> stages = new ArrayList<>();
        ConvBnBlock.Activation relu6 = ConvBnBlock.Activation.RELU6;
        Conv.Padding same = Conv.Padding.TF_SAME;
        names.add("stem");
        stages.add(new ConvBnBlock(w, "conv1", null, 0, 2, 0, 1, same, relu6, dict, manager));
        int in = 32;
        for (int i = 0; i < MobileNet.V2_CHANNELS.length; i++) {
            String p = "blocks." + i;
            int out = MobileNet.V2_CHANNELS[i];
            int stride = MobileNet.V2_STRIDES[i];
            int hidden = i == 0 ? in : in * 6;
            List<ConvBnBlock> body = new ArrayList<>();
            if (i > 0) {
                body.add(new ConvBnBlock(w, p + ".expand", null, 0, 1, 0, 1, same, relu6, dict, manager));
            }
            body.add(new ConvBnBlock(w, p + ".dw", null, 0, stride, 0, hidden, same, relu6, dict, manager));
            body.add(new ConvBnBlock(w, p + ".project", null, 0, 1, 0, 1, same, ConvBnBlock.Activation.NONE, dict,
                    manager));
            if (stride == 1 && in == out) {
                stages.add(new ResidualBlock(body, null, false));
            } else {
                SequentialBlock block = new SequentialBlock();
                body.forEach(block::add);
                stages.add(block);
            }
            names.add(p);
            in = out;
        }
        return new TrainableNetwork(Architecture.MOBILENET_V2, names, stages, dict, manager);
    }

    private static TrainableNetwork resNet(Architecture a, ResNet.Config config, Weights w, NDManager manager) {
        Map<String, Parameter> dict = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<Block> stages = new ArrayList<>();
        SequentialBlock stem = new SequentialBlock();
        stem.add(new ConvBnBlock(w, "conv1", "bn1", RESNET_BN_EPS, 2, 3, 1, Conv.Padding.SYMMETRIC,
                ConvBnBlock.Activation.RELU, dict, manager));
        stem.add(x -> new NDList(Pool.maxPool2d(x.singletonOrThrow(), new Shape(3, 3), new Shape(2, 2),
                new Shape(1, 1), false)));
        names.add("stem");
        stages.add(stem);
        for (int s = 0; s < config.blocks().length; s++) {
            SequentialBlock layer = new SequentialBlock();
            for (int b = 0; b < config.blocks()[s]; b++) {
                String p = "layer" + (s + 1) + "." + b + ".";
                int stride = s > 0 && b == 0 ? 2 : 1;
                List<ConvBnBlock> body = new ArrayList<>();
                ConvBnBlock.Activation relu = ConvBnBlock.Activation.RELU;
                ConvBnBlock.Activation none = ConvBnBlock.Activation.NONE;
                Conv.Padding sym = Conv.Padding.SYMMETRIC;
                if (config.bottleneck()) {
                    body.add(new ConvBnBlock(w, p + "conv1", p + "bn1", RESNET_BN_EPS, 1, 0, 1, sym, relu, dict,
                            manager));
                    body.add(new ConvBnBlock(w, p + "conv2", p + "bn2", RESNET_BN_EPS, stride, 1, 1, sym, relu, dict,
                            manager));
                    body.add(new ConvBnBlock(w, p + "conv3", p + "bn3", RESNET_BN_EPS, 1, 0, 1, sym, none, dict,
                            manager));
                } else {
                    body.add(new ConvBnBlock(w, p + "conv1", p + "bn1", RESNET_BN_EPS, stride, 1, 1, sym, relu, dict,
                            manager));
                    body.add(new ConvBnBlock(w, p + "conv2", p + "bn2", RESNET_BN_EPS, 1, 1, 1, sym, none, dict,
                            manager));
                }
                ConvBnBlock downsample = w.has(p + "downsample.0.weight")
                        ? new ConvBnBlock(w, p + "downsample.0", p + "downsample.1", RESNET_BN_EPS, stride, 0, 1, sym,
                                none, dict, manager)
                        : null;
                layer.add(new ResidualBlock(body, downsample));
            }
            names.add("layer" + (s + 1));
            stages.add(layer);
        }
        return new TrainableNetwork(a, names, stages, dict, manager);
    }

    public Architecture architecture() {
        return architecture;
    }

    /** @return the names of the outputs of {@link #stages}: "stem", then layers or blocks */
    public List<String> stageNames() {
        return stageNames;
    }

    /** @return the manager that owns the parameters (a batch's scope should be a sub-manager) */
    public NDManager manager() {
        return manager;
    }

    /**
     * Runs the whole network.
     *
     * @param input normalised images [N, 3, H, W] in a scope of {@link #manager()}
     * @return every stage's output, in {@link #stageNames()} order, in the input's manager
     */
    public NDList stages(NDArray input) {
        NDList outputs = new NDList(stages.size());
        NDList x = new NDList(input);
        for (Block stage : stages) {
            x = stage.forward(parameterStore, x, false);
            outputs.add(x.singletonOrThrow());
        }
        return outputs;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList all = stages(inputs.singletonOrThrow());
        return new NDList(all.get(all.size() - 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block stage : stages) {
            shapes = stage.getOutputShapes(shapes);
        }
        return shapes;
    }

    /**
     * @return the parameters that learn (convolution weights and biases, batch-norm scales and
     *     shifts), by state-dict name; running statistics are not among them
     */
    public Map<String, Parameter> trainableParameters() {
        Map<String, Parameter> trainable = new LinkedHashMap<>();
        stateDict.forEach((name, p) -> {
            if (!name.endsWith("running_mean") && !name.endsWith("running_var")) {
                trainable.put(name, p);
            }
        });
        return trainable;
    }

    /** Records gradients for the trainable parameters from now on (the oracle never does). */
    public void requireGradients() {
        trainableParameters().values().forEach(p -> p.getArray().setRequiresGradient(true));
    }

    /** @return a copy of every state-dict tensor's values, by name (a snapshot of this moment) */
    public Map<String, float[]> snapshot() {
        Map<String, float[]> values = new LinkedHashMap<>();
        stateDict.forEach((name, p) -> values.put(name, p.getArray().toFloatArray()));
        return values;
    }

    /** Sets every state-dict tensor from a {@link #snapshot()} of a network of the same shape. */
    public void restore(Map<String, float[]> snapshot) {
        stateDict.forEach((name, p) -> p.getArray().set(snapshot.get(name)));
    }

    /** @return the state dict's shapes, by name */
    public Map<String, Shape> shapes() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        stateDict.forEach((name, p) -> shapes.put(name, p.getArray().getShape()));
        return shapes;
    }

    /** @return SHA-256 over every tensor's name and float values: equal checksums, equal networks */
    public String checksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Parameter> e : stateDict.entrySet()) {
                digest.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                float[] v = e.getValue().getArray().toFloatArray();
                ByteBuffer bytes = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(v);
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the state dict as a safetensors weights file (atomically), readable by every command
     * like the weights it was fine-tuned from, with {@code metadata} in the file's header.
     */
    public void save(Path file, Map<String, String> metadata, boolean overwrite) throws IOException {
        save(file, metadata, Map.of(), Map.of(), overwrite);
    }

    /**
     * As {@link #save(Path, Map, boolean)}, with extra tensors after the state dict (a classifier
     * head); weights checks ignore tensors an architecture does not use.
     */
    public void save(Path file, Map<String, String> metadata, Map<String, float[]> extraValues,
            Map<String, Shape> extraShapes, boolean overwrite) throws IOException {
        Map<String, float[]> values = snapshot();
        Map<String, Shape> shapes = shapes();
        values.putAll(extraValues);
        shapes.putAll(extraShapes);
        SafetensorsFile.write(file, values, shapes, metadata, overwrite);
    }

    /** @return the {@code __metadata__} map of a safetensors weights file (a fine-tuned backbone's manifest) */
    public static Map<String, String> manifest(Path file) throws BackboneException {
        return SafetensorsFile.metadata(file);
    }

    @Override
    public void close() {
        manager.close();
    }
}
