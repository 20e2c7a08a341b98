package org.crossdefect.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crossdefect} command. Scripts and checks outside the project call it, so names,
 * flags and output columns stay stable (see the command-line contract in README).
 *
 * <p>Exit codes: 0 success, 1 the input has problems (or the work failed), 2 wrong usage,
 * 130 cancelled (Ctrl-C).
 */
@Command(name = "crossdefect", mixinStandardHelpOptions = true, version = "CrossDefect 0.1.0",
        description = "Finds known kinds of defects on kinds of objects it has never seen.",
        subcommands = {DatasetsCommand.class, SynthCommand.class, EmbedCommand.class, TrainCommand.class,
                PredictCommand.class, BenchmarkCommand.class, DemoCommand.class, BenchCommand.class})
public final class CrossDefectCommand implements Runnable {

    public static final int EXIT_PROBLEMS = 1;
    public static final int EXIT_CANCELLED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line without exiting the JVM (for tests and embedding). */
    public static int execute(String... args) {
        return new CommandLine(new CrossDefectCommand())
                .setExecutionExceptionHandler(CrossDefectCommand::reportFailure)
                .execute(args);
    }

    /**
     * Engine errors carry messages that name the file or setting and the fix; print those alone.
     * Anything else is a bug: print the stack trace too.
     */
    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        java.io.PrintStream err = System.err;
        if (e instanceof org.crossdefect.core.data.InvalidDatasetException invalid) {
            err.print(invalid.report().format());
        } else if (e instanceof org.crossdefect.core.backbone.BackboneException
                || e instanceof org.crossdefect.core.data.MappingFileException
                || e instanceof java.io.IOException
                || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            err.println("crossdefect " + commandLine.getCommandName() + ": " + e.getMessage());
        } else {
            e.printStackTrace(err);
        }
        return EXIT_PROBLEMS;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand");
    }
}
