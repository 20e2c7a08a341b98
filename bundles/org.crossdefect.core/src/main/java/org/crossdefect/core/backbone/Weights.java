package org.crossdefect.core.backbone;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The named tensors of a network (a state dict), read from a safetensors or npz file, and checked
 * against what the architecture expects before any is used, so a wrong file fails with the name
 * of its first mismatching tensor rather than deep inside a forward pass.
 */
public final class Weights {

    private final String source;
    private final Map<String, NDArray> tensors;

    private Weights(String source, Map<String, NDArray> tensors) {
        this.source = source;
        this.tensors = tensors;
    }

    /** Wraps tensors made in memory (tests, converted weights); {@code source} names them in errors. */
    public static Weights of(String source, Map<String, NDArray> tensors) {
        return new Weights(source, new LinkedHashMap<>(tensors));
    }

    /**
     * Reads every tensor of a safetensors or npz file as float32 into {@code manager}.
     *
     * @throws BackboneException if the file is missing or cannot be decoded
     */
    public static Weights read(Path file, NDManager manager) throws BackboneException {
        if (!Files.isRegularFile(file)) {
            throw new BackboneException("weights file " + file + " does not exist");
        }
        NDList list;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            list = NDList.decode(manager, in);
        } catch (IOException | RuntimeException e) {
            throw new BackboneException("weights file " + file + " cannot be read as safetensors or npz ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); it is corrupt or in another "
                    + "format (pickled torch.save files are not supported: save with safetensors instead)", e);
        }
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (NDArray array : list) {
            String name = array.getName();
            if (name == null) {
                throw new BackboneException("weights file " + file + " holds unnamed tensors; save a state dict "
                        + "(name -> tensor) as safetensors");
            }
            NDArray value = array.getDataType() == DataType.FLOAT32 || !array.getDataType().isFloating()
                    ? array : array.toType(DataType.FLOAT32, false);
            tensors.put(name, value);
        }
        return new Weights(file.toString(), tensors);
    }

    /** @return where the tensors came from, for messages */
    public String source() {
        return source;
    }

    /** @return the tensor names, in file order */
    public List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    /**
     * Checks that every expected tensor is present with the expected shape; extra tensors (a
     * classifier head, deeper layers) are allowed.
     *
     * @throws BackboneException naming the first missing or mismatching tensor
     */
    public void check(String architecture, List<TensorSpec> expected) throws BackboneException {
        for (TensorSpec spec : expected) {
            NDArray t = tensors.get(spec.name());
            if (t == null) {
                throw new BackboneException("weights " + source + " do not fit " + architecture + ": tensor '"
                        + spec.name() + "' is missing (the file has " + tensors.size() + " tensors, e.g. "
                        + preview() + "); use weights exported for " + architecture);
            }
            long[] actual = t.getShape().getShape();
            if (!Arrays.equals(actual, spec.shape())) {
                throw new BackboneException("weights " + source + " do not fit " + architecture + ": tensor '"
                        + spec.name() + "' has shape " + Arrays.toString(actual) + ", expected "
                        + Arrays.toString(spec.shape()) + "; use weights exported for " + architecture);
            }
        }
    }

    /** @return the tensor of that name (call {@link #check} first) */
    public NDArray get(String name) {
        NDArray t = tensors.get(name);
        if (t == null) {
            throw new IllegalStateException("tensor '" + name + "' missing in " + source);
        }
        return t;
    }

    /** @return whether a tensor of that name exists */
    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    /** @return the tensor's values as float32 (copied to the Java heap) */
    public float[] floats(String name) {
        return get(name).toFloatArray();
    }

    private String preview() {
        List<String> first = new ArrayList<>();
        for (String name : tensors.keySet()) {
            if (first.size() == 3) {
                break;
            }
            first.add("'" + name + "'");
        }
        return String.join(", ", first);
    }
}
