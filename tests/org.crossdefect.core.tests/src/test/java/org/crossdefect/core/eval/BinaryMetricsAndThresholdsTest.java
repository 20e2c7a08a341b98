package org.crossdefect.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryMetricsAndThresholdsTest {

    // Scores with a good and an anomalous image tied at 0.4.
    private static final double[] SCORES = {0.1, 0.4, 0.4, 0.6, 0.8, 0.9};
    private static final boolean[] LABELS = {false, false, true, false, true, true};
    private static final LabelledScores DATA = new LabelledScores(SCORES, LABELS);
    private static final double EPS = 1e-12;

    @Test
    void countsAndMetricsByHandIncludingTiesAtTheThreshold() {
        // >= 0.4: both tied images are flagged: TP 0.4,0.8,0.9; FP 0.4,0.6; TN 0.1.
        BinaryMetrics at04 = BinaryMetrics.of(DATA, 0.4);
        assertEquals(new BinaryMetrics(0.4, 3, 2, 1, 0), at04);
        assertEquals(0.6, at04.precision(), EPS);
        assertEquals(1.0, at04.recall(), EPS);
        assertEquals(0.75, at04.f1(), EPS);
        assertEquals(2.0 / 3, at04.falsePositiveRate(), EPS);
        assertEquals(4.0 / 6, at04.accuracy(), EPS);

        BinaryMetrics at05 = BinaryMetrics.of(DATA, 0.5);
        assertEquals(new BinaryMetrics(0.5, 2, 1, 2, 1), at05);
        assertEquals(2.0 / 3, at05.precision(), EPS);
        assertEquals(2.0 / 3, at05.recall(), EPS);
        assertEquals(2.0 / 3, at05.f1(), EPS);

        BinaryMetrics at08 = BinaryMetrics.of(DATA, 0.8);
        assertEquals(1.0, at08.precision(), EPS);
        assertEquals(0.8, at08.f1(), EPS);

        // Nothing flagged: precision 0 (not NaN), F1 0.
        BinaryMetrics none = BinaryMetrics.of(DATA, 1.0);
        assertEquals(0.0, none.precision());
        assertEquals(0.0, none.recall());
        assertEquals(0.0, none.f1());
    }

    @Test
    void f1OptimalThresholdByHand() {
        // F1 per candidate: 0.1 -> 2/3, 0.4 -> 3/4, 0.6 -> 2/3, 0.8 -> 4/5, 0.9 -> 1/2.
        Threshold t = Thresholds.targetTuned(DATA);
        assertEquals(0.8, t.value());
        assertEquals(Thresholds.TARGET_TUNED, t.rule());
        assertTrue(t.description().contains("6 target test images"), t.description());
        assertEquals(0.8, BinaryMetrics.of(DATA, t).f1(), EPS);
        // Brute force over many thresholds: nothing beats it.
        for (double x = 0; x <= 1.0; x += 0.001) {
            assertTrue(BinaryMetrics.of(DATA, x).f1() <= 0.8 + EPS);
        }
    }

    @Test
    void equalF1PicksTheLowestCandidateLikeArgmaxOverAscendingThresholds() {
        // F1: t=1 -> 2/3, t=2 -> 2/5, t=3 -> 1/2, t=4 -> 2/3: a tie, the lower one wins.
        LabelledScores tie = new LabelledScores(new double[] {4, 3, 2, 1}, new boolean[] {true, false, false, true});
        assertEquals(1.0, Thresholds.targetTuned(tie).value());
        Threshold source = Thresholds.sourceValidation(tie);
        assertEquals(1.0, source.value());
        assertEquals(Thresholds.SOURCE_VALIDATION, source.rule());
    }

    @Test
    void targetFreeRulesFromGoodImagesOnly() {
        double[] good = {5, 1, 3, 2, 4};
        Threshold q99 = Thresholds.targetGoodQuantile(good, 0.99);
        // Position 0.99 * 4 = 3.96 between 4 and 5.
        assertEquals(4.96, q99.value(), EPS);
        assertEquals(Thresholds.TARGET_GOOD_QUANTILE, q99.rule());
        assertTrue(q99.description().contains("0.99 quantile"), q99.description());
        assertEquals(3.0, Thresholds.targetGoodQuantile(good, 0.5).value(), EPS);
        assertEquals(5.0, Thresholds.targetGoodQuantile(good, 1).value(), EPS);
        assertEquals(7.0, Thresholds.targetGoodQuantile(new double[] {7}, 0.99).value());

        Threshold margin = Thresholds.targetGoodMaxMargin(good, 0.1);
        assertEquals(5.4, margin.value(), EPS);
        assertEquals(Thresholds.TARGET_GOOD_MAX_MARGIN, margin.rule());
        assertEquals(7.0, Thresholds.targetGoodMaxMargin(new double[] {7}, 0.5).value());
        // The source images are not needed, and every good image is below the margin rule.
        assertEquals(0, BinaryMetrics.of(good, new boolean[5], margin.value()).falsePositives());
    }

    @Test
    void singleClassSetsAreClearErrorsNotNaN() {
        LabelledScores allGood = new LabelledScores(new double[] {0.1, 0.2}, new boolean[] {false, false});
        LabelledScores allBad = new LabelledScores(new double[] {0.1, 0.2}, new boolean[] {true, true});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Thresholds.targetTuned(allGood));
        assertTrue(e.getMessage().contains("needs good and anomalous images; got 0 anomalous and 2 good"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Thresholds.sourceValidation(allBad));
        assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.of(allGood, 0.15).recall());
        assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.of(allGood, 0.15).f1());
        assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.of(allBad, 0.15).falsePositiveRate());
        assertEquals(0.0, BinaryMetrics.of(allGood, 0.15).precision()); // defined: one false alarm
        assertThrows(IllegalArgumentException.class, () -> Thresholds.targetGoodQuantile(new double[0], 0.99));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.targetGoodQuantile(new double[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.targetGoodMaxMargin(new double[] {1}, -1));
        assertThrows(IllegalArgumentException.class,
                () -> new LabelledScores(new double[] {Double.NaN}, new boolean[] {true}));
    }
}
