package org.crossdefect.core.score;

/**
 * A three-way decision, as inspection tools offer: below {@code review} an image is good, from
 * {@code reject} on it is rejected, in between a person looks at it. Chosen from good images
 * alone (see the k-shot methods), so the band needs no defect of the new object.
 *
 * @param review the score from which an image goes to review
 * @param reject the score from which an image is rejected (at least {@code review})
 */
public record DecisionBand(double review, double reject) {

    public static final String GOOD = "good";
    public static final String REVIEW = "review";
    public static final String REJECT = "reject";

    public DecisionBand {
        if (!(Double.isFinite(review) && Double.isFinite(reject) && review <= reject)) {
            throw new IllegalArgumentException("a decision band needs finite review <= reject, got " + review + ", "
                    + reject);
        }
    }

    /** @return good, review or reject */
    public String decide(double score) {
        return score >= reject ? REJECT : score >= review ? REVIEW : GOOD;
    }
}
