package org.crossdefect.core.eval;

import java.util.Arrays;
import java.util.Locale;

/**
 * The rules that turn image scores into a decision threshold (score {@code >= threshold} =
 * anomalous). They are reported side by side:
 * <ul>
 * <li>{@link #targetTuned target-tuned}: the F1-maximising threshold on the target test images
 * themselves. This is what the paper's code does; it needs the target's anomalies and labels,
 * so it is an upper bound rather than something a user can do on an unseen object.</li>
 * <li>{@link #sourceValidation source-validation}: the same F1 rule on the source validation
 * split (good images and anomalous images of the other categories): no target image is used.</li>
 * <li>{@link #targetGoodQuantile target-good quantile} and {@link #targetGoodMaxMargin target-good
 * max + margin}: from the scores of a few good target images only (no target anomaly).</li>
 * </ul>
 *
 * <p><b>F1-optimal threshold.</b> Like anomalib's {@code F1AdaptiveThreshold} (a torchmetrics
 * precision-recall curve with {@code thresholds=None}, then {@code thresholds[argmax(f1)]}) and
 * scikit-learn's {@code precision_recall_curve}, the candidate thresholds are the distinct
 * observed scores, each used as "score {@code >= t}"; the chosen value is the candidate with the
 * highest F1, and among equal F1 values the lowest candidate (the first in ascending order, as
 * argmax does). A threshold between two observed scores cannot do better on the set itself,
 * since every such threshold splits the set like the next higher candidate. Unlike anomalib,
 * which falls back to the highest score with a warning when the set has no anomalous image, a
 * set without both classes is an {@link IllegalArgumentException}.
 */
public final class Thresholds {

    /** Rule name of {@link #targetTuned}. */
    public static final String TARGET_TUNED = "target-tuned-f1";
    /** Rule name of {@link #sourceValidation}. */
    public static final String SOURCE_VALIDATION = "source-validation-f1";
    /** Rule name of {@link #targetGoodQuantile}. */
    public static final String TARGET_GOOD_QUANTILE = "target-good-quantile";
    /**
     * Rule name of the threshold a model adapted to the target chose from the target's k good
     * training images alone (no test image, no defect of the target): what a real line can use.
     */
    public static final String GOOD_IMAGES_ONLY = "good-images-only";
    /** Rule name of {@link #targetGoodMaxMargin}. */
    public static final String TARGET_GOOD_MAX_MARGIN = "target-good-max-margin";

    /** Default quantile of {@link #targetGoodQuantile}. */
    public static final double DEFAULT_QUANTILE = 0.99;
    /** Default relative margin of {@link #targetGoodMaxMargin}. */
    public static final double DEFAULT_MARGIN = 0.1;

    private Thresholds() {
    }

    /**
     * The F1-maximising threshold on the target test images (needs their labels; the paper's
     * protocol).
     *
     * @throws IllegalArgumentException without both good and anomalous images
     */
    public static Threshold targetTuned(LabelledScores targetTest) {
        double t = f1Optimal(targetTest, "the target-tuned threshold");
        return new Threshold(t, TARGET_TUNED, String.format(Locale.ROOT,
                "F1-maximising threshold on the %d target test images (%d anomalous): uses target labels",
                targetTest.size(), targetTest.anomalousCount()));
    }

    /**
     * Target-free: the F1-maximising threshold on the source validation split (its good images and
     * the anomalous images of the other categories), applied unchanged to the target.
     *
     * @throws IllegalArgumentException without both good and anomalous images
     */
    public static Threshold sourceValidation(LabelledScores sourceValidation) {
        double t = f1Optimal(sourceValidation, "the source-validation threshold");
        return new Threshold(t, SOURCE_VALIDATION, String.format(Locale.ROOT,
                "F1-maximising threshold on the %d source validation images (%d anomalous); no target image used",
                sourceValidation.size(), sourceValidation.anomalousCount()));
    }

    /**
     * Target-free: the {@code quantile} of the scores of a few good target images, linearly
     * interpolated between order statistics (numpy's default "linear" method: position
     * {@code q (n - 1)} in the sorted scores). With few images and a high quantile this is close
     * to their maximum; the expected false positive rate on good target images is about
     * {@code 1 - quantile}.
     *
     * @param goodScores scores of good target images only (at least one)
     * @param quantile in [0, 1], e.g. {@link #DEFAULT_QUANTILE}
     */
    public static Threshold targetGoodQuantile(double[] goodScores, double quantile) {
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1]: " + quantile);
        }
        double[] sorted = sortedGood(goodScores, "the target-good quantile threshold");
        double position = quantile * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double t = sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
        return new Threshold(t, TARGET_GOOD_QUANTILE, String.format(Locale.ROOT,
                "%s quantile (linear interpolation) of the scores of %d good target images; no target anomaly used",
                number(quantile), sorted.length));
    }

    /**
     * Target-free: {@code max + margin * (max - min)} of the scores of a few good target images:
     * just above every good image seen, with a margin relative to their spread (scores have no
     * common scale across backbones and methods). With one image the spread is 0 and the
     * threshold is that image's score.
     *
     * @param goodScores scores of good target images only (at least one)
     * @param margin {@code >= 0}, e.g. {@link #DEFAULT_MARGIN}
     */
    public static Threshold targetGoodMaxMargin(double[] goodScores, double margin) {
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be finite and >= 0: " + margin);
        }
        double[] sorted = sortedGood(goodScores, "the target-good max + margin threshold");
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        double t = max + margin * (max - min);
        return new Threshold(t, TARGET_GOOD_MAX_MARGIN, String.format(Locale.ROOT,
                "max + %s x (max - min) of the scores of %d good target images; no target anomaly used",
                number(margin), sorted.length));
    }

    /**
     * The F1-optimal threshold (see the class comment for the candidates and ties).
     *
     * @param what names the rule in the error message
     * @throws IllegalArgumentException without both good and anomalous samples
     */
    public static double f1Optimal(LabelledScores data, String what) {
        data.requireBothClasses(what);
        RocCurve roc = RocCurve.of(data.scores(), data.anomalous());
        // The ROC points after the first are exactly the candidates in descending order, with
        // cumulative TP and FP counts; F1 = 2 TP / (2 TP + FP + FN) = 2 TP / (TP + FP + P).
        int positives = data.anomalousCount();
        int negatives = data.size() - positives;
        double[] thresholds = roc.thresholds();
        double best = -1;
        double bestThreshold = Double.NaN;
        for (int i = 1; i < thresholds.length; i++) {
            double tp = Math.rint(roc.tpr()[i] * positives);
            double fp = Math.rint(roc.fpr()[i] * negatives);
            double f1 = 2 * tp / (tp + fp + positives);
            // >= : walking down, an equal F1 at a lower candidate wins (argmax over ascending order).
            if (f1 >= best) {
                best = f1;
                bestThreshold = thresholds[i];
            }
        }
        return bestThreshold;
    }

    private static double[] sortedGood(double[] goodScores, String what) {
        if (goodScores.length == 0) {
            throw new IllegalArgumentException(what + " needs at least one good target image");
        }
        double[] sorted = goodScores.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (!Double.isFinite(sorted[i])) {
                throw new IllegalArgumentException("good score " + i + " is " + sorted[i]);
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
