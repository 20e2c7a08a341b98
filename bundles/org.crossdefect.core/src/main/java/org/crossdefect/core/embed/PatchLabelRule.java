package org.crossdefect.core.embed;

import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

/**
 * Which patches of a defect image count as anomalous: those whose ground-truth mask covers at
 * least {@code threshold} of the patch (the paper's Section 3.2 and 3.3: 0.1). The other patches
 * of a defect image are neither good nor anomalous and are left out of training. SEMLP and
 * Labeled PatchCore both learn from this one rule.
 *
 * @param threshold mask fraction in (0, 1]
 */
public record PatchLabelRule(double threshold) {

    public static final double DEFAULT_THRESHOLD = 0.1;
    public static final Parameter PARAMETER = new Parameter("patch-threshold", Double.toString(DEFAULT_THRESHOLD),
            "Mask fraction from which a patch of a defect image counts as anomalous (paper: 0.1).");
    // After PARAMETER: the constructor names it.
    public static final PatchLabelRule DEFAULT = new PatchLabelRule(DEFAULT_THRESHOLD);

    public PatchLabelRule {
        InvalidSettingException.require(threshold > 0 && threshold <= 1, PARAMETER.key(),
                "patch threshold must be in (0, 1], got " + threshold);
    }

    /** @throws InvalidSettingException if the value is not in (0, 1] */
    public static PatchLabelRule from(Parameters p) {
        return new PatchLabelRule(p.number(PARAMETER));
    }

    /** @return whether patch {@code p} of a defect image's embeddings is anomalous */
    public boolean anomalous(PatchEmbeddings image, int p) {
        return image.maskFractions() != null && image.maskFraction(p) >= threshold;
    }

    /** @return whether a patch with this mask fraction is anomalous */
    public boolean anomalous(float maskFraction) {
        return maskFraction >= threshold;
    }
}
