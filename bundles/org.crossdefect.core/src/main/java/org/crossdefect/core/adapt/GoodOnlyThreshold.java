package org.crossdefect.core.adapt;

import org.crossdefect.core.settings.Parameter;

/**
 * A decision threshold from good images alone: the target's k good images are scored honestly
 * (the k-shot bank leaves each one out of its own bank), and the threshold sits where a normal
 * distribution of those scores would pass {@code target-fpr} of good images. With k = 10 the
 * empirical quantile would be one of ten values; the normal tail extrapolates between them.
 */
public final class GoodOnlyThreshold {

    public static final Parameter TARGET_FPR = new Parameter("target-fpr", "0.05", "k-shot methods: the share of "
            + "good images the good-images-only threshold may call anomalous (its false-positive rate), in (0, 0.5).");

    private GoodOnlyThreshold() {
    }

    static double targetFpr(org.crossdefect.core.settings.Parameters values) {
        double fpr = values.number(TARGET_FPR);
        org.crossdefect.core.error.InvalidSettingException.require(fpr > 0 && fpr < 0.5, TARGET_FPR.key(),
                "target-fpr must be in (0, 0.5), got " + fpr);
        return fpr;
    }

    /**
     * The threshold at target-fpr and the review band around it: from the score that passes 4 x
     * target-fpr of good images (capped at 0.5) up to the one that passes a quarter of it. With
     * the default 0.05: review from a 20 % false-positive rate, reject from 1.25 %.
     */
    record Decision(double threshold, org.crossdefect.core.score.DecisionBand band) {
    }

    /** @param goodScores the good images' honest scores (at least 2) */
    static Decision decide(double[] goodScores, double targetFpr) {
        double mean = Calibration.mean(goodScores);
        double sd = Calibration.sampleStd(goodScores, mean);
        return new Decision(at(mean, sd, targetFpr), new org.crossdefect.core.score.DecisionBand(
                at(mean, sd, Math.min(0.5, 4 * targetFpr)), at(mean, sd, targetFpr / 4)));
    }

    /** @param goodScores the good images' honest scores (at least 2) */
    static double of(double[] goodScores, double targetFpr) {
        return decide(goodScores, targetFpr).threshold();
    }

    private static double at(double mean, double sd, double fpr) {
        return mean + upperQuantile(fpr) * sd;
    }

    /**
     * z with P(Z > z) = p for a standard normal Z (Acklam's rational approximation, relative
     * error below 1.2e-9; written out because no library the engine ships has it).
     */
    static double upperQuantile(double p) {
        return -lowerQuantile(p);
    }

    private static double lowerQuantile(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -lowerQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
