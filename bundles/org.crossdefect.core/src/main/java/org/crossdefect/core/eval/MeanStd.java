package org.crossdefect.core.eval;

import java.util.Locale;

/**
 * Mean and <b>sample</b> standard deviation (divisor n - 1) of a metric over seeds, as the paper
 * reports "mean ± std"; the std of a single value is 0.
 *
 * @param mean the arithmetic mean
 * @param std the sample standard deviation (n - 1), 0 when n = 1
 * @param n how many values
 */
public record MeanStd(double mean, double std, int n) {

    /** Separator of {@link #format}: "0.912 ± 0.013". */
    public static final String PLUS_MINUS = " \u00b1 ";

    /** @throws IllegalArgumentException for no values or a value that is not finite */
    public static MeanStd of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("mean and std of no values");
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is " + values[i]);
            }
            sum += values[i];
        }
        double mean = sum / values.length;
        if (values.length == 1) {
            return new MeanStd(mean, 0, 1);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new MeanStd(mean, Math.sqrt(squares / (values.length - 1)), values.length);
    }

    /** @return e.g. "0.912 ± 0.013" with {@code decimals} decimals for both */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f, mean) + PLUS_MINUS + String.format(Locale.ROOT, f, std);
    }
}
