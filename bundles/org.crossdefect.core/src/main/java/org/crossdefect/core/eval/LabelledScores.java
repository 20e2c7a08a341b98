package org.crossdefect.core.eval;

import java.util.List;

import org.crossdefect.core.data.Label;
import org.crossdefect.core.score.Prediction;

/**
 * Image scores with their ground truth, the input of the threshold rules and metrics.
 *
 * @param scores higher = more anomalous; finite (NaN and infinities are rejected)
 * @param anomalous the ground truth of each score
 */
public record LabelledScores(double[] scores, boolean[] anomalous) {

    public LabelledScores {
        if (scores.length != anomalous.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + anomalous.length + " labels");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i]);
            }
        }
    }

    /** The image scores and labels of predictions (label ANOMALOUS = true). */
    public static LabelledScores of(List<Prediction> predictions) {
        double[] scores = new double[predictions.size()];
        boolean[] anomalous = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = predictions.get(i).score().score();
            anomalous[i] = predictions.get(i).image().label() == Label.ANOMALOUS;
        }
        return new LabelledScores(scores, anomalous);
    }

    public int size() {
        return scores.length;
    }

    public int anomalousCount() {
        int n = 0;
        for (boolean a : anomalous) {
            if (a) {
                n++;
            }
        }
        return n;
    }

    public int goodCount() {
        return scores.length - anomalousCount();
    }

    /** @return the scores of the good samples only */
    public double[] goodScores() {
        double[] good = new double[goodCount()];
        int j = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!anomalous[i]) {
                good[j++] = scores[i];
            }
        }
        return good;
    }

    /** @throws IllegalArgumentException naming {@code what} unless both classes are present */
    void requireBothClasses(String what) {
        int positives = anomalousCount();
        if (positives == 0 || positives == scores.length) {
            throw new IllegalArgumentException(what + " needs good and anomalous images; got " + positives
                    + " anomalous and " + (scores.length - positives) + " good");
        }
    }
}
