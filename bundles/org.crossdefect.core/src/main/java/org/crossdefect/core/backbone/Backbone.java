package org.crossdefect.core.backbone;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.files.Sha256;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.crossdefect.core.runtime.DjlRuntime;

/**
 * A pretrained network seen as images in, named feature maps out, with the preprocessing it
 * expects. Its weights live in its own native memory scope, on its device, until it is closed.
 *
 * <p>Callers run a batch inside a scope: {@code try (NDManager scope = backbone.newScope()) { ...
 * backbone.features(scope.create(...)) ... }}; everything a forward pass makes is freed with
 * the scope, so native memory does not grow with the number of images.
 */
public final class Backbone implements AutoCloseable {

    /** The paper's input size: resize to 256, centre-crop 224. */
    public static final int RESIZE = 256;
    public static final int CROP = 224;

    /** @return the resize before a centre crop of {@code crop} (a multiple of 224), in the paper's proportion 256 : 224 */
    public static int resizeFor(int crop) {
        return crop / CROP * RESIZE;
    }


    private final Architecture architecture;
    private final List<String> layers;
    private final String id;
    private final String weightsSource;
    private final Device device;
    private final NDManager manager;
    private final FeatureNetwork network;
    private final Preprocessing preprocessing;
    private final List<Shape> featureShapes;
    private final BackboneSpec spec;

    /**
     * @param weightsSource what the weights came from: "sha256:" and a digest, or "random"
     */
    private Backbone(BackboneSpec spec, List<String> layers, String weightsSource, Device device, NDManager manager,
            FeatureNetwork network) throws BackboneException {
        this.spec = spec.withLayers(layers);
        this.architecture = spec.architecture();
        this.layers = List.copyOf(layers);
        this.weightsSource = weightsSource;
        // The paper's image size adds nothing, so ids (and stores, models) from before the setting stay valid.
        this.id = architecture.id() + layers + "@" + weightsSource
                + (spec.imageSize() == CROP ? "" : "@" + spec.imageSize() + "px");
        this.device = device;
        this.manager = manager;
        this.network = network;
        int size = spec.imageSize();
        this.preprocessing = new Preprocessing(resizeFor(size), size, architecture.normalization());
        this.featureShapes = probeShapes();
    }

    /**
     * Builds a backbone: finds and checks its weights, then runs one probe image through it to
     * learn (and check) the shapes of its feature maps.
     */
    public static Backbone load(BackboneSpec spec) throws BackboneException {
        Device device = DjlRuntime.device(spec.device());
        Architecture a = spec.architecture();
        NDManager manager = DjlRuntime.newManager(device);
        try {
            if (a == Architecture.TORCHSCRIPT) {
                Path file = WeightsLocator.locate(spec);
                TorchScriptNetwork net = TorchScriptNetwork.load(file, device, manager);
                try {
                    List<String> layers = spec.layers().isEmpty() ? net.layerNames() : spec.layers();
                    checkLayers(a, net.layerNames(), layers);
                    return new Backbone(spec, layers, digest(file), device, manager, net);
                } catch (RuntimeException e) {
                    net.close(); // the module's weights live in the model's own scope, not in manager
                    throw e;
                }
            }
            List<String> layers = spec.effectiveLayers();
            checkLayers(a, a.layerNames(), layers);
            String last = deepest(a, layers);
            String source;
            Weights weights;
            try (NDManager loading = manager.newSubManager()) {
                if (spec.randomWeights()) {
                    weights = randomWeights(a.expectedTensors(last), loading);
                    source = "random";
                } else {
                    Path file = WeightsLocator.locate(spec);
                    weights = Weights.read(file, loading);
                    source = digest(file);
                }
                weights.check(a.id(), a.expectedTensors(last));
                FeatureNetwork network = a.build(weights, last, manager);
                return new Backbone(spec, layers, source, device, manager, network);
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** @return identifies network, weights and layers: embeddings with equal ids are interchangeable */
    public String id() {
        return id;
    }

    /** @return what the weights came from: "sha256:" and the first 16 hex digits of the file's digest, or "random" */
    public String weightsSource() {
        return weightsSource;
    }

    public Architecture architecture() {
        return architecture;
    }

    /**
     * @return what this backbone was loaded from, with its layers: loading it again (or with
     *     other weights of the same shape, e.g. a fine-tuned file) gives the same network
     */
    public BackboneSpec spec() {
        return spec;
    }

    public List<String> layers() {
        return layers;
    }

    public Device device() {
        return device;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** @return each feature map's shape for one image: (C, H, W) */
    public List<Shape> featureShapes() {
        return featureShapes;
    }

    /** @return channels of all feature maps together: the patch embedding's dimension D */
    public int embeddingDim() {
        return (int) featureShapes.stream().mapToLong(s -> s.get(0)).sum();
    }

    /** @return the patch grid: the first (shallowest) map's height and width */
    public int gridHeight() {
        return (int) featureShapes.get(0).get(1);
    }

    public int gridWidth() {
        return (int) featureShapes.get(0).get(2);
    }

    /** @return a scope for one batch on the backbone's device; close it when the batch is done */
    public NDManager newScope() {
        return manager.newSubManager();
    }

    /**
     * @param batch normalised images, [N, 3, S, S] (S the image size, 224 by default), in a scope of this backbone
     * @return the feature maps in layer order, owned by the batch's manager
     */
    public NDList features(NDArray batch) {
        return network.forward(batch, layers);
    }

    @Override
    public void close() {
        network.close();
        manager.close();
    }

    private List<Shape> probeShapes() throws BackboneException {
        try (NDManager scope = newScope()) {
            int size = preprocessing.crop();
            NDList maps = features(scope.zeros(new Shape(1, 3, size, size)));
            List<Shape> shapes = new ArrayList<>();
            for (int i = 0; i < maps.size(); i++) {
                Shape s = maps.get(i).getShape();
                if (s.dimension() != 4 || s.get(0) != 1 || s.get(1) < 1 || s.get(2) < 1 || s.get(3) < 1) {
                    throw new BackboneException(id + ": output " + i + " (" + layers.get(i) + ") has shape " + s
                            + " for one " + size + "x" + size + " image; feature maps must be [1, C, H, W]");
                }
                shapes.add(new Shape(s.get(1), s.get(2), s.get(3)));
            }
            if (shapes.isEmpty()) {
                throw new BackboneException(id + " returned no feature map for a " + size + "x" + size + " image");
            }
            return List.copyOf(shapes);
        }
    }

    private static void checkLayers(Architecture a, List<String> available, List<String> layers)
            throws BackboneException {
        for (String layer : layers) {
            if (!available.contains(layer)) {
                throw new BackboneException("backbone " + a.id() + " has no layer '" + layer + "'; choose from "
                        + available);
            }
        }
        if (layers.isEmpty()) {
            throw new BackboneException("backbone " + a.id() + ": no feature layer chosen");
        }
    }

    private static String deepest(Architecture a, List<String> layers) {
        List<String> all = a.layerNames();
        return layers.stream().max((x, y) -> Integer.compare(all.indexOf(x), all.indexOf(y))).orElseThrow();
    }

    /** He-initialised weights (seeded), batch norms near identity: realistic speed, meaningless output. */
    static Weights randomWeights(List<TensorSpec> specs, NDManager manager) {
        SplittableRandom random = new SplittableRandom(42);
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (TensorSpec spec : specs) {
            long[] shape = spec.shape();
            int n = (int) new Shape(shape).size();
            float[] values = new float[n];
            String name = spec.name();
            if (name.endsWith("running_var")) {
                java.util.Arrays.fill(values, 1f);
            } else if (shape.length >= 2) {
                // Convolutions, linear layers, tokens: He-uniform over the fan-in.
                long fanIn = n / shape[0];
                double std = Math.sqrt(2.0 / Math.max(1, fanIn));
                for (int i = 0; i < n; i++) {
                    values[i] = (float) (random.nextDouble(-1, 1) * std * Math.sqrt(3));
                }
            } else if (name.endsWith(".weight")) {
                java.util.Arrays.fill(values, 1f);
            }
            tensors.put(name, manager.create(values, new Shape(shape)));
        }
        return Weights.of("random weights", tensors);
    }

    /** @return "sha256:" and the first 16 hex digits of the file's SHA-256 */
    static String digest(Path file) throws BackboneException {
        try {
            return "sha256:" + Sha256.hex(file).substring(0, 16);
        } catch (IOException e) {
            throw new BackboneException("weights file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
