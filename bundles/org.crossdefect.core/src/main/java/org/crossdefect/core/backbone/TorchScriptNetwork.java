package org.crossdefect.core.backbone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.crossdefect.core.runtime.DjlRuntime;

/**
 * A network exported as TorchScript whose forward takes one NCHW float tensor and returns a tuple
 * (or list) of feature maps, shallow first. Its outputs are named "out0", "out1", ...
 *
 * <p>Loading runs a zero image through the file and rejects it, naming the file, unless every
 * output is a float map [1, C, H, W] and no map is larger than the one before. The module's
 * weights live in the DJL model's own native scope, moved to the backbone's device when loaded,
 * and are freed by {@link #close()}; a forward pass's maps belong to the input's manager, and the
 * maps not asked for are freed at once.
 */
final class TorchScriptNetwork implements FeatureNetwork {

    private static final String HOW = "A TorchScript backbone is a module whose forward takes one [N, 3, 224, 224] "
            + "float tensor and returns a tuple of feature maps [N, C, H, W], shallow first (e.g. (layer2, layer3)), "
            + "saved with torch.jit.save(torch.jit.trace(module, torch.zeros(1, 3, 224, 224)), FILE) "
            + "(README: 'Exporting a backbone as TorchScript')";

    private final Model model;
    private final Block block;
    private final List<String> names;

    private TorchScriptNetwork(Model model, Block block, List<String> names) {
        this.model = model;
        this.block = block;
        this.names = names;
    }

    /**
     * @param manager a manager on the device, for the probe image only (freed before returning)
     * @throws BackboneException naming the file if it is no TorchScript, fails on a 224x224
     *     image or does not return feature maps
     */
    static TorchScriptNetwork load(Path file, Device device, NDManager manager) throws BackboneException {
        String fileName = file.getFileName().toString();
        Model model = Model.newInstance(fileName, device, DjlRuntime.ENGINE);
        try {
            // The file itself as the model path: DJL then loads it whatever its extension.
            // mapLocation: weights saved on another device (a GPU, or the CPU) move to ours.
            model.load(file.toAbsolutePath(), null, Map.of("mapLocation", "true"));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new BackboneException("TorchScript file " + file + " cannot be loaded: " + kind(file)
                    + " (libtorch: " + e.getMessage() + "). " + HOW, e);
        }
        try {
            Block block = model.getBlock();
            List<String> names = probe(file, block, manager);
            return new TorchScriptNetwork(model, block, names);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Runs a zero image through the file: checks the outputs, returns their names. */
    private static List<String> probe(Path file, Block block, NDManager manager) throws BackboneException {
        try (NDManager scope = manager.newSubManager()) {
            NDList out;
            try {
                out = block.forward(new ParameterStore(scope, false),
                        new NDList(scope.zeros(new Shape(1, 3, Backbone.CROP, Backbone.CROP))), false);
            } catch (RuntimeException e) {
                throw new BackboneException("TorchScript file " + file + " fails on a zero image [1, 3, 224, 224] ("
                        + e.getMessage() + "). " + HOW, e);
            }
            if (out.isEmpty()) {
                throw new BackboneException("TorchScript file " + file + " returns no tensor for a [1, 3, 224, 224] "
                        + "image. " + HOW);
            }
            List<String> names = new ArrayList<>();
            long[] previous = null;
            for (int i = 0; i < out.size(); i++) {
                NDArray map = out.get(i);
                long[] s = map.getShape().getShape();
                String what = "TorchScript file " + file + ": output " + i + " (out" + i + ") ";
                if (s.length != 4 || s[0] != 1 || s[1] < 1 || s[2] < 1 || s[3] < 1) {
                    throw new BackboneException(what + "has shape " + Arrays.toString(s) + " for a [1, 3, 224, 224] "
                            + "image, which is no feature map [1, C, H, W] (a classifier's logits?). " + HOW);
                }
                if (!map.getDataType().isFloating()) {
                    throw new BackboneException(what + "is of type " + map.getDataType() + "; feature maps must be "
                            + "float. " + HOW);
                }
                if (previous != null && (s[2] > previous[2] || s[3] > previous[3])) {
                    throw new BackboneException(what + "is " + s[2] + "x" + s[3] + ", larger than output " + (i - 1)
                            + " (" + previous[2] + "x" + previous[3] + "): return the maps shallow (largest) first");
                }
                previous = s;
                names.add("out" + i);
            }
            return List.copyOf(names);
        }
    }

    /** @return what the file seems to be, for an error message */
    private static String kind(Path file) {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return "it cannot be read (" + e.getMessage() + ")";
        }
        if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
            boolean code = false;
            boolean pickle = false;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                    String name = e.nextElement().getName();
                    code |= name.contains("/code/") || name.endsWith("/constants.pkl");
                    pickle |= name.endsWith("/data.pkl");
                }
            } catch (IOException e) {
                return "a damaged zip file";
            }
            if (pickle && !code) {
                return "it holds a pickle saved with torch.save (a state dict or a whole model), not a TorchScript "
                        + "program (for the built-in architectures, save the state dict as safetensors instead)";
            }
            return "a zip file, but no TorchScript program DJL's libtorch 2.7.1 can read";
        }
        if (n >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) {
            return "it is a pickle saved with torch.save (a state dict or a whole model; legacy format), not a "
                    + "TorchScript program (for the built-in architectures, save the state dict as safetensors instead)";
        }
        if (n >= 9 && head[8] == '{') {
            return "it looks like a safetensors file: those are weights of a built-in architecture such as "
                    + "wide_resnet50_2, not TorchScript";
        }
        return "it is no TorchScript file (TorchScript files are zip archives)";
    }

    @Override
    public List<String> layerNames() {
        return names;
    }

    @Override
    public NDList forward(NDArray input, List<String> layers) {
        NDList out = block.forward(new ParameterStore(input.getManager(), false), new NDList(input), false);
        NDList selected = new NDList(layers.size());
        for (String layer : layers) {
            int index = names.indexOf(layer);
            if (index < 0 || index >= out.size()) {
                out.close();
                throw new IllegalStateException("TorchScript backbone returned " + out.size() + " outputs, "
                        + "not " + names.size() + " as when loaded; no '" + layer + "'");
            }
            selected.add(out.get(index));
        }
        for (NDArray a : out) {
            if (selected.stream().noneMatch(s -> s == a)) {
                a.close();
            }
        }
        return selected;
    }

    @Override
    public void close() {
        model.close();
    }
}
