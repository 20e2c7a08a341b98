package org.crossdefect.cli;

import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.benchmark.BenchmarkReport;
import org.crossdefect.core.benchmark.BenchmarkRunner;
import org.crossdefect.core.benchmark.BenchmarkSettings;
import org.crossdefect.core.benchmark.RunMetrics;
import org.crossdefect.core.benchmark.RunResult;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.eval.ResultTable;
import org.crossdefect.core.eval.Summary;
import org.crossdefect.core.io.AtomicFiles;
import org.crossdefect.core.pipeline.Training;
import org.crossdefect.core.progress.CancelledException;

/** Runs a benchmark for the benchmark and demo commands: plan, run, evaluate, write, print. */
final class BenchmarkExecution {

    private BenchmarkExecution() {
    }

    static int run(BenchmarkSettings settings, Path storeRoot, Path out, boolean overwrite, int batch, PrintStream stdout,
            PrintStream err) throws Exception {
        if (Files.exists(out) && !overwrite) {
            err.println(out + " already exists; choose another --out or add --overwrite");
            return CrossDefectCommand.EXIT_PROBLEMS;
        }
        long start = System.nanoTime();
        BenchmarkRunner.Plan plan = BenchmarkRunner.plan(settings, Training.METHODS);
        try (Backbone backbone = Backbone.load(settings.backbone()); ConsoleProgress progress = new ConsoleProgress(err)) {
            EmbeddingExtractor extractor = EmbeddingExtractor.create(backbone, storeRoot, batch, 1);
            List<RunResult> runs = BenchmarkRunner.run(settings, plan, backbone, extractor, progress);
            List<RunMetrics> metrics = BenchmarkReport.evaluate(runs, backbone.preprocessing(),
                    settings.targetGoodForThreshold(), progress);
            Properties manifest = manifest(settings, backbone, extractor, runs.size(), start);
            AtomicFiles.writeFolder(out, overwrite, folder -> BenchmarkReport.write(folder, metrics, manifest,
                    backbone.preprocessing(), progress));
            print(stdout, BenchmarkReport.imageAurocTable(metrics), settings.methods());
            stdout.printf("%d runs (%d datasets, %d methods, %d seed%s) in %.1f s; %d images embedded now "
                    + "(backbone_forward_images=%d); run folder %s%n", runs.size(), plan.datasets().size(),
                    settings.methods().size(), settings.seeds(), settings.seeds() == 1 ? "" : "s",
                    (System.nanoTime() - start) / 1e9, extractor.forwardImages(), extractor.forwardImages(),
                    out.toAbsolutePath());
            return 0;
        } catch (CancelledException e) {
            err.println("Cancelled; no run folder was written (embeddings computed so far are kept in the store).");
            return CrossDefectCommand.EXIT_CANCELLED;
        } catch (FileAlreadyExistsException e) {
            err.println(out + " already exists; choose another --out or add --overwrite");
            return CrossDefectCommand.EXIT_PROBLEMS;
        }
    }

    private static Properties manifest(BenchmarkSettings s, Backbone backbone, EmbeddingExtractor extractor, int runs,
            long start) {
        Properties p = new Properties();
        p.setProperty("crossdefect.version", "0.1.0");
        p.setProperty("created", Instant.now().toString());
        p.setProperty("root", s.root().toAbsolutePath().toString());
        p.setProperty("datasets", String.join(",", s.datasets()));
        p.setProperty("methods", String.join(",", s.methods()));
        p.setProperty("seeds", Integer.toString(s.seeds()));
        p.setProperty("backbone.id", backbone.id());
        p.setProperty("device", backbone.device().toString());
        p.setProperty("coreset.mode", s.coresetMode().name().toLowerCase());
        p.setProperty("coreset.ratio", Double.toString(s.coresetRatio()));
        p.setProperty("coreset.ratio.rule", "ratio / number of training categories");
        p.setProperty("anomaly.train.fraction", Double.toString(s.anomalyTrainFraction()));
        p.setProperty("threshold.target.good.images", Integer.toString(s.targetGoodForThreshold()));
        p.setProperty("runs", Integer.toString(runs));
        p.setProperty("backbone.forward.images", Long.toString(extractor.forwardImages()));
        p.setProperty("embedding.store", extractor.store().folder().toAbsolutePath().toString());
        p.setProperty("seconds", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        return p;
    }

    /** The table's text cells: one row per target, dataset means, overall mean. */
    static void print(PrintStream out, ResultTable table, List<String> methods) {
        List<String> header = new ArrayList<>(List.of(Summary.DATASET, Summary.TARGET));
        header.addAll(methods);
        TextTable text = new TextTable(header.toArray(String[]::new));
        for (List<Object> row : table.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.get(0));
            cells.add(row.get(1));
            for (String method : methods) {
                cells.add(row.get(table.columns().indexOf(Summary.textColumn(method))));
            }
            cells.replaceAll(c -> c == null ? "" : c);
            text.row(cells.toArray());
        }
        out.println(table.title() + " (mean ± std over seeds):");
        text.print(out);
    }
}
