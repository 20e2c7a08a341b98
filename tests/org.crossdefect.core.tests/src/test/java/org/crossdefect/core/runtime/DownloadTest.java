package org.crossdefect.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

class DownloadTest {

    @Test
    void splitEqualsToFloatArrayCutIntoParts() {
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            float[] values = new float[3 * 4 * 5];
            for (int i = 0; i < values.length; i++) {
                values[i] = i * 0.5f - 7;
            }
            NDArray a = manager.create(values, new Shape(3, 4, 5));
            // A computed array, and a transposed view (not contiguous: copied, in row-major order).
            for (NDArray array : List.of(a.mul(2), a.transpose(0, 2, 1))) {
                float[] all = array.toFloatArray();
                List<float[]> parts = Download.split(array, 3);
                assertEquals(3, parts.size());
                for (int i = 0; i < 3; i++) {
                    assertArrayEquals(Arrays.copyOfRange(all, i * 20, (i + 1) * 20), parts.get(i));
                }
            }
            assertThrows(IllegalArgumentException.class, () -> Download.split(a, 7));
        }
    }
}
