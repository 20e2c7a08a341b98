package org.crossdefect.core.eval;

import java.util.Arrays;

/**
 * The ROC curve of scores against labels, for plotting: point {@code i} is (FPR, TPR) of
 * "score {@code >= thresholds[i]}". The first point is (0, 0) at threshold +infinity; then one
 * point per distinct score, in descending order, so samples with equal scores enter together (a
 * tie between good and anomalous samples is one diagonal step) and the last point is (1, 1). The
 * trapezoidal {@link #area()} therefore equals {@link Auroc#of} (ties counting one half).
 *
 * @param fpr false positive rates, non-decreasing from 0 to 1
 * @param tpr true positive rates, non-decreasing from 0 to 1
 * @param thresholds the threshold of each point, descending; the first is +infinity
 * @param positives number of anomalous samples
 * @param negatives number of good samples
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds, int positives, int negatives) {

    public RocCurve {
        if (fpr.length != tpr.length || fpr.length != thresholds.length) {
            throw new IllegalArgumentException("fpr, tpr and thresholds differ in length");
        }
    }

    /**
     * @throws IllegalArgumentException if a score is not finite or one class is missing
     */
    public static RocCurve of(double[] scores, boolean[] anomalous) {
        LabelledScores data = new LabelledScores(scores, anomalous);
        data.requireBothClasses("a ROC curve");
        int p = data.anomalousCount();
        int n = scores.length - p;
        double[] pos = new double[p];
        double[] neg = new double[n];
        int ip = 0;
        int in = 0;
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i] + 0.0; // -0.0 ties with 0.0, as in Auroc
            if (anomalous[i]) {
                pos[ip++] = s;
            } else {
                neg[in++] = s;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        int capacity = scores.length + 1;
        double[] fpr = new double[capacity];
        double[] tpr = new double[capacity];
        double[] thresholds = new double[capacity];
        thresholds[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        // Walk both sorted lists from the top, one distinct score at a time.
        ip = p - 1;
        in = n - 1;
        while (ip >= 0 || in >= 0) {
            double s = Math.max(ip >= 0 ? pos[ip] : Double.NEGATIVE_INFINITY,
                    in >= 0 ? neg[in] : Double.NEGATIVE_INFINITY);
            while (ip >= 0 && pos[ip] == s) {
                ip--;
            }
            while (in >= 0 && neg[in] == s) {
                in--;
            }
            tpr[points] = (double) (p - 1 - ip) / p;
            fpr[points] = (double) (n - 1 - in) / n;
            thresholds[points] = s;
            points++;
        }
        return new RocCurve(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), Arrays.copyOf(thresholds, points),
                p, n);
    }

    /** Float scores (e.g. pixels); each is widened to double exactly. */
    public static RocCurve of(float[] scores, boolean[] anomalous) {
        double[] d = new double[scores.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = scores[i];
        }
        return of(d, anomalous);
    }

    public static RocCurve of(LabelledScores data) {
        return of(data.scores(), data.anomalous());
    }

    public int size() {
        return fpr.length;
    }

    /** The area under the curve by the trapezoidal rule; equals {@link Auroc#of}. */
    public double area() {
        double area = 0;
        for (int i = 1; i < fpr.length; i++) {
            area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        return area;
    }
}
