package org.crossdefect.core.patchcore;

import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.embed.PatchLabelRule;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

/**
 * @param coreset both coresets' settings (the anomaly coreset keeps at least
 *     {@link LabeledPatchCoreModel#MINIMUM_ANOMALY_CORESET})
 * @param labels which patches of defect images join the anomaly coreset
 */
public record LabeledPatchCoreSettings(PatchCoreSettings coreset, PatchLabelRule labels) {

    public static final List<Parameter> PARAMETERS;

    static {
        List<Parameter> all = new ArrayList<>(PatchCoreSettings.PARAMETERS);
        all.add(PatchLabelRule.PARAMETER);
        PARAMETERS = List.copyOf(all);
    }

    public static LabeledPatchCoreSettings from(Parameters p) {
        return new LabeledPatchCoreSettings(PatchCoreSettings.from(p), PatchLabelRule.from(p));
    }
}
