package org.crossdefect.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class AurocTest {

    @Test
    void handComputedCases() {
        assertEquals(1.0, Auroc.of(new float[] {0.1f, 0.2f, 0.8f, 0.9f}, new boolean[] {false, false, true, true}));
        assertEquals(0.0, Auroc.of(new float[] {0.9f, 0.8f, 0.2f, 0.1f}, new boolean[] {false, false, true, true}));
        // Pairs (pos, neg): (0.35>0.1) (0.35<0.4) (0.8>0.1) (0.8>0.4) -> 3/4.
        assertEquals(0.75, Auroc.of(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new boolean[] {false, false, true, true}));
        // A tie between a positive and a negative counts one half: (0.5=0.5) 0.5 + (0.5>0.1) 1 -> 1.5/2.
        assertEquals(0.75, Auroc.of(new float[] {0.1f, 0.5f, 0.5f}, new boolean[] {false, false, true}));
        assertEquals(0.5, Auroc.of(new float[] {1, 1, 1, 1}, new boolean[] {false, true, false, true}));
        // Negative scores order correctly, and -0 ties with +0.
        assertEquals(1.0, Auroc.of(new float[] {-3f, -1f, 0f, 2f}, new boolean[] {false, false, true, true}));
        assertEquals(0.875, Auroc.of(new float[] {-3f, -0f, 0f, 2f}, new boolean[] {false, false, true, true}));
    }

    @Test
    void equalsPairCountingOnRandomDataWithTies() {
        Random random = new Random(3);
        int n = 500;
        float[] scores = new float[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextBoolean();
            scores[i] = random.nextInt(20) + (labels[i] ? 3 : 0) - 10;
        }
        double pairs = 0;
        long count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (labels[i] && !labels[j]) {
                    pairs += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                    count++;
                }
            }
        }
        assertEquals(pairs / count, Auroc.of(scores, labels), 1e-12);
    }

    @Test
    void singleClassIsAClearErrorNotNaN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Auroc.of(new float[] {0.1f, 0.2f}, new boolean[] {false, false}));
        assertTrue(e.getMessage().contains("0 anomalous and 2 good"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Auroc.of(new float[] {Float.NaN, 1}, new boolean[] {true, false}));
    }
}
