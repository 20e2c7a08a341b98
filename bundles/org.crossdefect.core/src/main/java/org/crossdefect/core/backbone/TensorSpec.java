package org.crossdefect.core.backbone;

import java.util.Arrays;

/**
 * A named tensor a network expects in its weights file.
 *
 * @param name the state-dict name, e.g. "layer1.0.conv1.weight"
 * @param shape the expected shape
 */
public record TensorSpec(String name, long... shape) {

    public TensorSpec {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && t.name.equals(name) && Arrays.equals(t.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
