package org.crossdefect.core.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Comparisons of network outputs with reference numbers made outside the product (torchvision,
 * a torch copy of timm, PyTorch running a TorchScript file), all in one JSON shape: "shape",
 * "sum", "sum_of_squares", "first8" and optionally "value_at_0_7_13_13".
 */
public final class ReferenceTensors {

    /** Relative tolerance of sums, and of single values (plus {@link #ABSOLUTE}). */
    public static final double RELATIVE = 1e-4;
    public static final double ABSOLUTE = 1e-6;

    private ReferenceTensors() {
    }

    /** The references' input: {@code x[n, c, h, w] = sin(0.01 * (h * 224 + w) + c)}, float32. */
    public static NDArray sineInput(NDManager manager, int n) {
        float[] x = new float[n * 3 * 224 * 224];
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < 3; c++) {
                for (int h = 0; h < 224; h++) {
                    for (int w = 0; w < 224; w++) {
                        x[((b * 3 + c) * 224 + h) * 224 + w] = (float) Math.sin(0.01 * (h * 224 + w) + c);
                    }
                }
            }
        }
        return manager.create(x, new Shape(n, 3, 224, 224));
    }

    /**
     * Checks shape, sum, sum of squares, the first 8 values and (if recorded) y[0,7,13,13].
     *
     * @return the output's values, for further checks
     */
    public static float[] assertMatches(JsonObject expected, NDArray actual, String what) {
        JsonArray shape = expected.getAsJsonArray("shape");
        long[] expectedShape = new long[shape.size()];
        for (int i = 0; i < expectedShape.length; i++) {
            expectedShape[i] = shape.get(i).getAsLong();
        }
        assertArrayEquals(expectedShape, actual.getShape().getShape(), what);
        float[] values = actual.toFloatArray();
        double sum = 0;
        double sumSq = 0;
        for (float v : values) {
            sum += v;
            sumSq += (double) v * v;
        }
        assertRelative(expected.get("sum").getAsDouble(), sum, what + " sum");
        assertRelative(expected.get("sum_of_squares").getAsDouble(), sumSq, what + " sum of squares");
        JsonArray first8 = expected.getAsJsonArray("first8");
        for (int i = 0; i < 8; i++) {
            assertClose(first8.get(i).getAsDouble(), values[i], what + " value " + i);
        }
        if (expected.has("value_at_0_7_13_13")) {
            long h = expectedShape[2];
            long w = expectedShape[3];
            assertClose(expected.get("value_at_0_7_13_13").getAsDouble(), values[(int) ((7 * h + 13) * w + 13)],
                    what + " y[0,7,13,13]");
        }
        return values;
    }

    public static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected) + ABSOLUTE, what);
    }

    public static void assertRelative(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= RELATIVE * Math.abs(expected), what + ": expected " + expected
                + ", got " + actual + " (relative error " + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }
}
