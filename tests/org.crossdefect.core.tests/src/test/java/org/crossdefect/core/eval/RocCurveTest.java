package org.crossdefect.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void tieIsOneDiagonalStepByHand() {
        RocCurve roc = RocCurve.of(new double[] {0.1, 0.5, 0.5}, new boolean[] {false, false, true});
        assertArrayEquals(new double[] {0, 0.5, 1}, roc.fpr());
        assertArrayEquals(new double[] {0, 1, 1}, roc.tpr());
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.5, 0.1}, roc.thresholds());
        assertEquals(0.75, roc.area(), 1e-12);
    }

    @Test
    void endpointsMonotoneAndAreaEqualsAurocOnRandomDataWithTies() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + random.nextInt(400);
            float[] scores = new float[n];
            boolean[] labels = new boolean[n];
            for (int i = 0; i < n; i++) {
                labels[i] = random.nextInt(3) == 0;
                scores[i] = random.nextInt(25) + (labels[i] ? 4 : 0) - 12; // many ties, and -0/+0
            }
            labels[0] = true;
            labels[1] = false;
            RocCurve roc = RocCurve.of(scores, labels);
            int last = roc.size() - 1;
            assertEquals(0.0, roc.fpr()[0]);
            assertEquals(0.0, roc.tpr()[0]);
            assertEquals(1.0, roc.fpr()[last]);
            assertEquals(1.0, roc.tpr()[last]);
            for (int i = 1; i <= last; i++) {
                assertTrue(roc.fpr()[i] >= roc.fpr()[i - 1] && roc.tpr()[i] >= roc.tpr()[i - 1]);
                assertTrue(roc.thresholds()[i] < roc.thresholds()[i - 1]);
            }
            assertEquals(Auroc.of(scores, labels), roc.area(), 1e-12);
        }
    }

    @Test
    void singleClassIsAClearError() {
        assertThrows(IllegalArgumentException.class,
                () -> RocCurve.of(new double[] {1, 2}, new boolean[] {true, true}));
    }
}
