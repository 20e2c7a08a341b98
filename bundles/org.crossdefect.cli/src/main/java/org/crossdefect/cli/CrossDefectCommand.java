package org.crossdefect.cli;

import java.io.PrintStream;

import org.crossdefect.core.data.ImageReadException;
import org.crossdefect.core.data.InvalidDatasetException;
import org.crossdefect.core.engine.Engine;
import org.crossdefect.core.error.CrossDefectException;
import org.crossdefect.core.progress.CancelledException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crossdefect} command. Scripts and checks outside the project call it, so names,
 * flags and output columns stay stable (see the command-line contract in README).
 *
 * <p>Exit codes, decided here alone: 0 success, 1 the input has problems (data, files, models),
 * 2 wrong usage (options and their values), 130 cancelled (Ctrl-C).
 */
@Command(name = "crossdefect", mixinStandardHelpOptions = true, version = "CrossDefect 0.1.0",
        description = "Finds known kinds of defects on kinds of objects it has never seen.",
        subcommands = {DatasetsCommand.class, SynthCommand.class, EmbedCommand.class, MethodsCommand.class,
                TrainCommand.class, PredictCommand.class, BenchmarkCommand.class, DemoCommand.class,
                BenchCommand.class})
public final class CrossDefectCommand implements Runnable {

    public static final int EXIT_PROBLEMS = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_CANCELLED = 130;

    /** The engine every command calls: the built-in methods. */
    static final Engine ENGINE = Engine.builtIn();

    /** A command that says what a cancel left behind. */
    interface Cancellable {
        String cancelled();
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line without exiting the JVM (for tests and embedding). */
    public static int execute(String... args) {
        try {
            return new CommandLine(new CrossDefectCommand())
                    .setExecutionExceptionHandler(CrossDefectCommand::reportFailure)
                    .execute(args);
        } catch (OutOfMemoryError e) {
            // Where no engine code named what ran out (that is an OutOfMemoryException): say how to fix it.
            System.err.println("crossdefect: out of memory with a Java heap of " + Runtime.getRuntime().maxMemory()
                    / (1 << 20) + " MB: " + org.crossdefect.core.error.OutOfMemoryException.FIX);
            return org.crossdefect.core.error.CrossDefectException.Kind.ENVIRONMENT.exitCode();
        }
    }

    /**
     * Engine errors carry messages that name the file or setting and the fix; print those alone,
     * with the exit code of their kind. Anything else is a bug: print the stack trace too.
     */
    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintStream err = System.err;
        String command = "crossdefect " + commandLine.getCommandName() + ": ";
        if (e instanceof CancelledException) {
            err.println(commandLine.getCommand() instanceof Cancellable c ? c.cancelled() : e.getMessage());
            return EXIT_CANCELLED;
        }
        if (e instanceof InvalidDatasetException invalid) {
            err.print(invalid.report().format());
            return invalid.kind().exitCode();
        }
        if (e instanceof CrossDefectException user) {
            err.println(command + user.getMessage());
            return user.kind().exitCode();
        }
        if (e instanceof ImageReadException || e instanceof java.io.IOException) {
            err.println(command + e.getMessage());
            return EXIT_PROBLEMS;
        }
        e.printStackTrace(err);
        return EXIT_PROBLEMS;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand");
    }
}
