package org.crossdefect.core.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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
        int bytes = count * Float.BYTES;
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        buffer.clear();
        buffer.asFloatBuffer().put(values, from, count);
        buffer.limit(bytes);
        return scope.create(buffer.slice().order(ByteOrder.nativeOrder()), shape, DataType.FLOAT32);
    }
}
