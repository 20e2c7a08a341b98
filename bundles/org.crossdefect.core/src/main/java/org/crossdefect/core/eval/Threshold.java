package org.crossdefect.core.eval;

import java.util.Objects;

/**
 * A decision threshold on image scores: an image is predicted anomalous iff its score is
 * {@code >= value}.
 *
 * @param value the threshold
 * @param rule a short machine-readable name of the rule that chose it (see {@link Thresholds})
 * @param description how it was chosen, for people (report, manifest)
 */
public record Threshold(double value, String rule, String description) {

    public Threshold {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold is " + value);
        }
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(description, "description");
    }

    /** @return whether a score is anomalous under this threshold */
    public boolean isAnomalous(double score) {
        return score >= value;
    }
}
