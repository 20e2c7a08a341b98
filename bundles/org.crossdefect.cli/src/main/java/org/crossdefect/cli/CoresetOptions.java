package org.crossdefect.cli;

import org.crossdefect.core.patchcore.PatchCoreSettings;
import org.crossdefect.core.settings.Parameters;

import picocli.CommandLine.Option;

/** The coreset options of the PatchCore family, shared by train and benchmark. */
final class CoresetOptions {

    @Option(names = "--coreset-mode", description = "bulk, online or batch (default: online).")
    String coresetMode;

    @Option(names = "--coreset-ratio", description = "Coreset ratio r; cross-category training divides it by the "
            + "number of training categories (default: " + PatchCoreSettings.DEFAULT_RATIO + ").")
    String coresetRatio;

    /** @return the options given, as method parameters (absent ones are left to the method's defaults) */
    Parameters parameters() {
        Parameters p = Parameters.NONE;
        if (coresetMode != null) {
            p = p.with(PatchCoreSettings.MODE.key(), coresetMode);
        }
        if (coresetRatio != null) {
            p = p.with(PatchCoreSettings.RATIO.key(), coresetRatio);
        }
        return p;
    }
}
