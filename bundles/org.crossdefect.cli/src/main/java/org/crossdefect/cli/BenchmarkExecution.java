package org.crossdefect.cli;

import java.io.PrintStream;
import java.util.List;

import org.crossdefect.core.benchmark.Benchmark;
import org.crossdefect.core.error.CrossDefectException;
import org.crossdefect.core.eval.ResultTable;
import org.crossdefect.core.eval.Summary;

/** The benchmark and demo commands' shared door: one engine call, then the printed table. */
final class BenchmarkExecution {

    static final String CANCELLED = "Cancelled; no run folder was written (embeddings computed so far are kept in "
            + "the store).";

    private BenchmarkExecution() {
    }

    static int run(Benchmark.Job job) throws Exception {
        Benchmark.Result result;
        try (ConsoleProgress progress = new ConsoleProgress(System.err)) {
            result = CrossDefectCommand.ENGINE.benchmark(job, progress);
        }
        PrintStream stdout = System.out;
        List<String> methods = job.settings().methods();
        print(stdout, result.tables().get(0), methods);
        stdout.printf("%d runs (%d datasets, %d methods, %d seed%s) in %.1f s; %d images embedded now "
                + "(backbone_forward_images=%d); run folder %s%n", result.metrics().size(),
                result.plan().datasets().size(), methods.size(), job.settings().seeds(),
                job.settings().seeds() == 1 ? "" : "s", result.seconds(), result.forwardImages(),
                result.forwardImages(), job.runFolder().toAbsolutePath());
        if (!result.notRun().isEmpty()) {
            stdout.println("Not run (" + result.notRun().size() + ", also in the run folder's not-run.csv):");
            result.notRun().forEach(n -> stdout.println("  " + n.describe()));
        }
        if (!result.failed().isEmpty()) {
            System.err.println("crossdefect: " + result.failed().size() + " of " + (result.metrics().size()
                    + result.failed().size()) + " runs failed (listed above); the others are in "
                    + job.runFolder().toAbsolutePath());
            return CrossDefectException.Kind.INVALID_DATA.exitCode();
        }
        return 0;
    }

    /** The table's text cells: one row per target, dataset means, overall mean. */
    static void print(PrintStream out, ResultTable table, List<String> methods) {
        ResultTable text = Summary.textView(table, methods);
        TextTable printed = new TextTable(text.columns().toArray(String[]::new));
        for (List<Object> row : text.rows()) {
            printed.row(row.stream().map(c -> c == null ? "" : c).toArray());
        }
        out.println(table.title() + " (mean ± std over seeds):");
        printed.print(out);
    }
}
