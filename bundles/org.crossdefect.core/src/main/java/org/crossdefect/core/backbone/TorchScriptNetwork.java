package org.crossdefect.core.backbone;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A network exported as TorchScript whose forward returns a tuple (or list) of feature maps,
 * shallow first. Its outputs are named "out0", "out1", ...; the shapes are checked when the
 * backbone is loaded.
 */
final class TorchScriptNetwork implements FeatureNetwork {

    private final Model model;
    private final Block block;
    private final List<String> names;

    private TorchScriptNetwork(Model model, Block block, List<String> names) {
        this.model = model;
        this.block = block;
        this.names = names;
    }

    static TorchScriptNetwork load(Path file, Device device, NDManager manager) throws BackboneException {
        Model model = Model.newInstance(file.getFileName().toString(), device, DjlRuntime.ENGINE);
        try {
            model.load(file.toAbsolutePath().getParent(), file.getFileName().toString());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new BackboneException("TorchScript file " + file + " cannot be loaded (" + e.getMessage()
                    + "); export it with torch.jit.trace or torch.jit.script and torch.jit.save (README)", e);
        }
        Block block = model.getBlock();
        int outputs;
        try (NDManager probe = manager.newSubManager()) {
            NDList out = block.forward(new ParameterStore(probe, false),
                    new NDList(probe.zeros(new ai.djl.ndarray.types.Shape(1, 3, Backbone.CROP, Backbone.CROP))), false);
            outputs = out.size();
        } catch (RuntimeException e) {
            model.close();
            throw new BackboneException("TorchScript file " + file + " fails on a [1, 3, 224, 224] image ("
                    + e.getMessage() + "); its forward must take one NCHW float tensor", e);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            names.add("out" + i);
        }
        return new TorchScriptNetwork(model, block, names);
    }

    @Override
    public List<String> layerNames() {
        return names;
    }

    @Override
    public NDList forward(NDArray input, List<String> layers) {
        NDList out = block.forward(new ParameterStore(input.getManager(), false), new NDList(input), false);
        NDList selected = new NDList();
        for (String layer : layers) {
            selected.add(out.get(names.indexOf(layer)));
        }
        for (NDArray a : out) {
            if (!selected.contains(a)) {
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
