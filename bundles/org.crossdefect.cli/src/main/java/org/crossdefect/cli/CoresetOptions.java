package org.crossdefect.cli;

import org.crossdefect.core.coreset.CoresetMode;

import picocli.CommandLine.Option;

/** The coreset options of the PatchCore family, shared by train and benchmark. */
final class CoresetOptions {

    @Option(names = "--coreset-mode", defaultValue = "online", description = "bulk, online or batch "
            + "(default: ${DEFAULT-VALUE}).")
    String coresetMode;

    @Option(names = "--coreset-ratio", defaultValue = "0.1", description = "Coreset ratio r; cross-category "
            + "training divides it by the number of training categories (default: ${DEFAULT-VALUE}).")
    double coresetRatio;

    CoresetMode mode() {
        return CoresetMode.parse(coresetMode);
    }
}
