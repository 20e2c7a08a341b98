package org.crossdefect.cli;

import picocli.CommandLine.Command;

/** {@code crossdefect bench ...}: speed figures; the last output line is key=value. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Speed and memory measurements, side by side in one run (these machines are noisy).",
        subcommands = {BenchEmbedCommand.class, BenchCoresetCommand.class, BenchNnCommand.class,
                BenchSemlpCommand.class, BenchPredictCommand.class, BenchMiroCommand.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name what to measure, e.g. embed");
    }
}
