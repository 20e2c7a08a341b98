package org.crossdefect.core.patchcore;

import java.util.List;

import org.crossdefect.core.coreset.CoresetMode;
import org.crossdefect.core.coreset.CoresetSettings;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

/**
 * The coreset a PatchCore-family method builds.
 *
 * @param mode bulk, online or batch-wise (the paper's Section A.3)
 * @param ratio coreset ratio r, in (0, 1]; cross-category training divides it by the number of
 *     source categories (the paper's Section A.2.2: memory)
 * @param projectionDim dimension of the random projection of the greedy search (PatchCore: 128)
 */
public record PatchCoreSettings(CoresetMode mode, double ratio, int projectionDim) {

    public static final double DEFAULT_RATIO = 0.1;
    public static final Parameter MODE = new Parameter("coreset-mode", "online", "bulk (PatchCore's), online "
            + "(the paper's Algorithm 1) or batch (Algorithm 2).");
    public static final Parameter RATIO = new Parameter("coreset-ratio", "" + DEFAULT_RATIO, "Coreset ratio r in "
            + "(0, 1]; cross-category training divides it by the number of training categories.");
    public static final Parameter PROJECTION = new Parameter("projection-dim", ""
            + CoresetSettings.DEFAULT_PROJECTION_DIM, "Dimension of the random projection the coreset search runs in.");
    public static final List<Parameter> PARAMETERS = List.of(MODE, RATIO, PROJECTION);

    public PatchCoreSettings {
        InvalidSettingException.require(ratio > 0 && ratio <= 1, RATIO.key(), "coreset ratio must be in (0, 1], got "
                + ratio);
        InvalidSettingException.require(projectionDim >= 1, PROJECTION.key(), "projection dimension must be at least "
                + "1, got " + projectionDim);
    }

    public static PatchCoreSettings from(Parameters p) {
        return new PatchCoreSettings(p.choice(MODE, CoresetMode.class), p.number(RATIO), p.integer(PROJECTION));
    }

    public static PatchCoreSettings defaults() {
        return from(Parameters.NONE);
    }

    /** @return the coreset settings for this training data: its seed, the ratio for its categories */
    public CoresetSettings coreset(TrainingData data) {
        double r = data.crossCategory() ? ratio / Math.max(1, data.categories()) : ratio;
        return new CoresetSettings(mode, r, projectionDim, data.seed(), 8, 0);
    }
}
