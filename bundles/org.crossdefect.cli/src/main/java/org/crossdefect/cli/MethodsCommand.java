package org.crossdefect.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.crossdefect.core.model.Method;
import org.crossdefect.core.settings.Parameter;

import picocli.CommandLine.Command;

/** {@code crossdefect methods}: the registry's methods and their settings, for --method and --set. */
@Command(name = "methods", mixinStandardHelpOptions = true,
        description = "Lists the methods train and benchmark know, with each setting (--set KEY=VALUE), its default "
                + "and what it does.")
final class MethodsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        PrintStream out = System.out;
        for (Method<?> method : CrossDefectCommand.ENGINE.methods().methods()) {
            out.printf("%s (%s): %s%n", method.id(), method.title(), method.description());
            for (Parameter p : method.parameters()) {
                out.printf("  %-16s default %-8s %s%n", p.key(), p.defaultValue(), p.description());
            }
        }
        return 0;
    }
}
