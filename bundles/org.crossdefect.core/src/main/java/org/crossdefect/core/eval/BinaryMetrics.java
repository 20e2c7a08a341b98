package org.crossdefect.core.eval;

/**
 * The confusion matrix of a threshold on labelled scores (score {@code >= threshold} = predicted
 * anomalous; anomalous is the positive class) and the metrics derived from it.
 *
 * <p>Undefined cases never give NaN: {@link #recall()} and {@link #f1()} need at least one
 * anomalous sample and {@link #falsePositiveRate()} at least one good one, else they throw
 * {@link IllegalArgumentException}; {@link #precision()} is 0 when nothing is predicted
 * anomalous (scikit-learn's {@code zero_division=0}, torchmetrics' default).
 */
public record BinaryMetrics(double threshold, int truePositives, int falsePositives, int trueNegatives,
        int falseNegatives) {

    /** Counts the confusion matrix of {@code threshold} on {@code data}. */
    public static BinaryMetrics of(LabelledScores data, double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold is " + threshold);
        }
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        double[] scores = data.scores();
        boolean[] anomalous = data.anomalous();
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (anomalous[i]) {
                if (predicted) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted) {
                fp++;
            } else {
                tn++;
            }
        }
        return new BinaryMetrics(threshold, tp, fp, tn, fn);
    }

    public static BinaryMetrics of(LabelledScores data, Threshold threshold) {
        return of(data, threshold.value());
    }

    public static BinaryMetrics of(double[] scores, boolean[] anomalous, double threshold) {
        return of(new LabelledScores(scores, anomalous), threshold);
    }

    public int anomalous() {
        return truePositives + falseNegatives;
    }

    public int good() {
        return trueNegatives + falsePositives;
    }

    /** TP / (TP + FP); 0 when nothing is predicted anomalous. */
    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 0.0 : (double) truePositives / predicted;
    }

    /** TP / (TP + FN), the true positive rate. */
    public double recall() {
        if (anomalous() == 0) {
            throw new IllegalArgumentException("recall (and F1) need at least one anomalous image; got "
                    + good() + " good and none anomalous");
        }
        return (double) truePositives / anomalous();
    }

    /** 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall; 0 when TP = 0. */
    public double f1() {
        recall();
        return 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives);
    }

    /** FP / (FP + TN). */
    public double falsePositiveRate() {
        if (good() == 0) {
            throw new IllegalArgumentException("the false positive rate needs at least one good image; got "
                    + anomalous() + " anomalous and none good");
        }
        return (double) falsePositives / good();
    }

    /** (TP + TN) / all. */
    public double accuracy() {
        int all = anomalous() + good();
        if (all == 0) {
            throw new IllegalArgumentException("accuracy of an empty set");
        }
        return (double) (truePositives + trueNegatives) / all;
    }
}
