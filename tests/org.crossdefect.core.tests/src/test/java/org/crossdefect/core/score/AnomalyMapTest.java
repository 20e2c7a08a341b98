package org.crossdefect.core.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The anomaly map's two steps against values computed by hand. */
class AnomalyMapTest {

    @Test
    void bilinearUpsamplingWithoutAlignedCorners() {
        // A 2x2 grid to 4x4: output pixel x samples grid x' = (x + 0.5) / 2 - 0.5, clamped to the
        // grid (PyTorch's interpolate, bilinear, align_corners=False).
        float[] up = AnomalyMap.upsample(new float[] {0, 1, 2, 3}, 2, 2, 4, 4);
        assertArrayEquals(new float[] {
            0.0f, 0.25f, 0.75f, 1.0f,
            0.5f, 0.75f, 1.25f, 1.5f,
            1.5f, 1.75f, 2.25f, 2.5f,
            2.0f, 2.25f, 2.75f, 3.0f}, up, 1e-6f);
    }

    @Test
    void gaussianBlurOfAnImpulseIsTheKernelsOuterProduct() {
        // sigma 0.5: radius (int) (4 * 0.5 + 0.5) = 2, weights exp(-i^2 / 0.5) for i = -2..2, normalised.
        double s = 1 + 2 * Math.exp(-2) + 2 * Math.exp(-8);
        double k0 = 1 / s;
        double k1 = Math.exp(-2) / s;
        double k2 = Math.exp(-8) / s;
        // A 9x9 image with the impulse in the middle: the kernel never reaches the border.
        float[] impulse = new float[81];
        impulse[4 * 9 + 4] = 1;
        float[] out = AnomalyMap.blur(impulse, 9, 9, 0.5);
        assertEquals(k0 * k0, out[4 * 9 + 4], 1e-7);
        assertEquals(k0 * k1, out[4 * 9 + 5], 1e-7);
        assertEquals(k1 * k1, out[3 * 9 + 3], 1e-7);
        assertEquals(k2 * k0, out[2 * 9 + 4], 1e-7);
        assertEquals(k2 * k2, out[2 * 9 + 2], 1e-9);
        assertEquals(0, out[1 * 9 + 4], "outside the radius");
    }

    @Test
    void blurReflectsAtTheBorderWithoutRepeatingTheEdge() {
        // An impulse next to the left edge: column -1 reflects to column 1 (PyTorch's "reflect"),
        // so the edge pixel receives the impulse's weight k1 twice.
        double s = 1 + 2 * Math.exp(-2) + 2 * Math.exp(-8);
        double k0 = 1 / s;
        double k1 = Math.exp(-2) / s;
        float[] row = new float[5];
        row[1] = 1;
        float[] out = AnomalyMap.blur(row, 1, 5, 0.5);
        // One row: the vertical pass reflects onto the row itself (its weights sum to 1).
        // Column 1 gets k0 from itself and k2 from column -1, which reflects onto it too.
        double k2 = Math.exp(-8) / s;
        assertEquals(2 * k1, out[0], 1e-7);
        assertEquals(k0 + k2, out[1], 1e-7);
    }

    @Test
    void aConstantMapStaysConstant() {
        float[] grid = new float[28 * 28];
        java.util.Arrays.fill(grid, 2.5f);
        float[] map = AnomalyMap.of(new ImageScore(1, grid, 28, 28, null, null), 224);
        for (float v : map) {
            assertEquals(2.5f, v, 1e-5f);
        }
    }

    /** The batched matrix form equals the direct upsample-then-blur on random grids of two sizes. */
    @Test
    void batchedMapsEqualTheDirectDefinition() {
        java.util.Random random = new java.util.Random(3);
        java.util.List<ImageScore> scores = new java.util.ArrayList<>();
        for (int i = 0; i < 70; i++) {
            int gh = i % 3 == 0 ? 7 : 28;
            int gw = i % 3 == 0 ? 9 : 28;
            float[] grid = new float[gh * gw];
            for (int j = 0; j < grid.length; j++) {
                grid[j] = (float) (random.nextDouble() * 10);
            }
            scores.add(new ImageScore(1, grid, gh, gw, null, null));
        }
        java.util.List<float[]> maps = AnomalyMap.of(scores, 224);
        assertEquals(70, maps.size());
        for (int i = 0; i < scores.size(); i++) {
            float[] direct = AnomalyMap.direct(scores.get(i), 224);
            assertArrayEquals(direct, maps.get(i), 1e-4f, "image " + i);
        }
    }
}
