package org.crossdefect.core.eval;

import java.util.Arrays;

/**
 * Area under the ROC curve, exact: the probability that a random anomalous sample scores higher
 * than a random good one, ties counting one half (Mann-Whitney U with mid-ranks). Sorting packed
 * (score, label) keys keeps it fast for millions of pixels.
 */
public final class Auroc {

    private Auroc() {
    }

    /**
     * @param scores higher = more anomalous; NaN is not allowed
     * @param anomalous the ground truth of each score
     * @throws IllegalArgumentException if one class is missing (AUROC is undefined, not NaN)
     */
    public static double of(float[] scores, boolean[] anomalous) {
        if (scores.length != anomalous.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + anomalous.length + " labels");
        }
        long positives = 0;
        long[] keys = new long[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (Float.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            keys[i] = ((long) sortableBits(scores[i]) << 1) | (anomalous[i] ? 1 : 0);
            if (anomalous[i]) {
                positives++;
            }
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUROC needs good and anomalous samples; got " + positives
                    + " anomalous and " + negatives + " good");
        }
        Arrays.sort(keys);
        // Walk groups of equal scores; each positive in a group outranks the negatives below it
        // and ties with the group's negatives (counted one half).
        double wins = 0;
        long negativesBelow = 0;
        int i = 0;
        while (i < keys.length) {
            long score = keys[i] >> 1;
            long groupPositives = 0;
            long groupNegatives = 0;
            while (i < keys.length && keys[i] >> 1 == score) {
                if ((keys[i] & 1) == 1) {
                    groupPositives++;
                } else {
                    groupNegatives++;
                }
                i++;
            }
            wins += groupPositives * (negativesBelow + groupNegatives / 2.0);
            negativesBelow += groupNegatives;
        }
        return wins / ((double) positives * negatives);
    }

    /** Maps a float to an int whose signed order is the float order. */
    private static int sortableBits(float value) {
        int bits = Float.floatToIntBits(value == 0f ? 0f : value);
        return bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
    }
}
