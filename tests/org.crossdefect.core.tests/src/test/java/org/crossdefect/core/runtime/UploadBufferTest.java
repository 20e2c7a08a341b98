package org.crossdefect.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

class UploadBufferTest {

    /** Rows with a 1 appended, from any row on, and the buffer reused for a smaller upload after. */
    @Test
    void rowsWithOnesAppendedAndTheBufferReused() {
        float[] matrix = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        UploadBuffer buffer = new UploadBuffer();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray rows = buffer.uploadWithOnes(matrix, 1, 2, 3, scope);
                assertEquals(new Shape(2, 4), rows.getShape());
                assertArrayEquals(new float[] {4, 5, 6, 1, 7, 8, 9, 1}, rows.toFloatArray());
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray plain = buffer.upload(matrix, 6, new Shape(1, 3), scope);
                assertArrayEquals(new float[] {7, 8, 9}, plain.toFloatArray());
            }
        }
    }

    /** Parts joined in order into one array, and a shape they do not fill refused. */
    @Test
    void partsJoinedInOrderIntoOneArray() {
        UploadBuffer buffer = new UploadBuffer();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray joined = buffer.uploadJoined(List.of(new float[] {1, 2, 3}, new float[] {4, 5, 6}),
                        new Shape(2, 1, 3), scope);
                assertEquals(new Shape(2, 1, 3), joined.getShape());
                assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, joined.toFloatArray());
            }
            try (NDManager scope = manager.newSubManager()) {
                assertThrows(IllegalArgumentException.class,
                        () -> buffer.uploadJoined(List.of(new float[] {1, 2}), new Shape(1, 3), scope));
            }
        }
    }
}
