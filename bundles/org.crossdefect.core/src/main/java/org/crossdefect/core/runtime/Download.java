package org.crossdefect.core.runtime;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;

/**
 * Copies a float array out of the engine once. DJL's {@code toFloatArray} copies a CPU tensor
 * twice on the way (into a new byte array, then into the float array), and callers that want one
 * array per image then copy a third time; a batch of MobileNetV1 embeddings is 19 MB. Here the
 * values are read through a direct view of the tensor's memory straight into the arrays returned.
 * The view lives only inside this call, while the caller's scope keeps the array open.
 */
public final class Download {

    private Download() {
    }

    /**
     * @param parts how many equal consecutive pieces (e.g. images of a batch)
     * @return the array's values in row-major order, cut into {@code parts} arrays
     * @throws IllegalArgumentException if the size is not a multiple of {@code parts}
     */
    public static List<float[]> split(NDArray array, int parts) {
        // toByteBuffer(true): a view where the tensor is contiguous on the CPU, else a contiguous CPU
        // copy made in the array's own manager (closed with the caller's scope).
        FloatBuffer values = array.toByteBuffer(true).asFloatBuffer();
        int total = values.remaining();
        if (parts < 1 || total % parts != 0) {
            throw new IllegalArgumentException(total + " values do not split into " + parts + " equal parts");
        }
        int each = total / parts;
        List<float[]> out = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            float[] part = new float[each];
            values.get(i * each, part);
            out.add(part);
        }
        return out;
    }
}
