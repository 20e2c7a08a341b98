package org.crossdefect.core.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Makes CPU arrays from Java float arrays through one reused direct buffer. DJL makes a CPU array
 * from a direct buffer without copying it, and from a heap array through a new direct buffer of
 * its own, which only a garbage collection frees: blocks of tens of MB (nearest-neighbour queries,
 * training batches) then pile up to gigabytes of resident memory between collections. The array
 * aliases the buffer, so it must be closed (with its scope) before the next upload; callers use
 * one buffer from one thread at a time.
 */
public final class UploadBuffer {

    private ByteBuffer buffer;

    /** @return {@code values[from, from + shape.size())} as an array of {@code shape} in {@code scope} */
    public NDArray upload(float[] values, int from, Shape shape, NDManager scope) {
        int count = (int) shape.size();
        filled(count).put(values, from, count);
        return uploaded(shape, scope);
    }

    /**
     * Equal-sized parts one after another (e.g. the images of a batch) as one array of
     * {@code shape} in {@code scope}, without first joining them in a Java array.
     *
     * @throws IllegalArgumentException if the parts do not add up to the shape's size
     */
    public NDArray uploadJoined(List<float[]> parts, Shape shape, NDManager scope) {
        long total = 0;
        for (float[] part : parts) {
            total += part.length;
        }
        if (total != shape.size()) {
            throw new IllegalArgumentException(total + " values for an array of " + shape);
        }
        FloatBuffer out = filled((int) total);
        for (float[] part : parts) {
            out.put(part);
        }
        return uploaded(shape, scope);
    }

    /**
     * Rows {@code [fromRow, fromRow + rows)} of a row-major matrix of {@code dim} columns, each
     * with a 1 appended, as a {@code rows x (dim + 1)} array in {@code scope}: what a product with
     * augmented vectors needs, without a concatenated copy on the device.
     */
    public NDArray uploadWithOnes(float[] values, int fromRow, int rows, int dim, NDManager scope) {
        FloatBuffer out = filled(rows * (dim + 1));
        for (int r = 0; r < rows; r++) {
            out.put(values, (fromRow + r) * dim, dim);
            out.put(1f);
        }
        return uploaded(new Shape(rows, dim + 1), scope);
    }

    /** @return the buffer, at least {@code count} floats, cleared and limited to them, for writing */
    private FloatBuffer filled(int count) {
        int bytes = count * Float.BYTES;
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        buffer.clear();
        buffer.limit(bytes);
        return buffer.asFloatBuffer();
    }

    private NDArray uploaded(Shape shape, NDManager scope) {
        return scope.create(buffer.slice().order(ByteOrder.nativeOrder()), shape, DataType.FLOAT32);
    }
}
