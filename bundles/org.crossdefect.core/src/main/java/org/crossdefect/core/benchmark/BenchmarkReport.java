package org.crossdefect.core.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.eval.Evaluation;
import org.crossdefect.core.eval.LabelledScores;
import org.crossdefect.core.eval.ResultTable;
import org.crossdefect.core.eval.RocCurve;
import org.crossdefect.core.eval.Summary;
import org.crossdefect.core.eval.Thresholds;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.report.CsvTables;
import org.crossdefect.core.report.Heatmaps;
import org.crossdefect.core.report.MarkdownReport;
import org.crossdefect.core.report.PredictionsCsv;
import org.crossdefect.core.report.RocChart;
import org.crossdefect.core.report.XlsxWorkbook;
import org.crossdefect.core.score.DecisionBand;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.progress.Progress;

/**
 * Turns a benchmark's runs into figures (AUROC, pixel AUROC, F1 at target-tuned and target-free
 * thresholds) and writes the run folder: per-image predictions, the summary tables as CSV and
 * XLSX, ROC curves, heatmaps of the most and least anomalous test images, a Markdown report and
 * a manifest of the settings.
 */
public final class BenchmarkReport {

    private static final int HEATMAPS_EACH_WAY = 3;

    private BenchmarkReport() {
    }

    /** Title of the table of gaps: runs not applicable or failed, with the reason. */
    public static final String NOT_RUN = "Not run";

    /** @return one row per gap: dataset, target, method, seed (empty: every seed), status, reason */
    public static ResultTable notRunTable(List<NotRun> notRun) {
        List<List<Object>> rows = new ArrayList<>();
        for (NotRun n : notRun) {
            rows.add(java.util.Arrays.<Object>asList(n.dataset(), n.target(), n.method(),
                    n.seed() < 0 ? null : n.seed(), n.failed() ? "failed" : "not applicable", n.reason()));
        }
        return new ResultTable(NOT_RUN, List.of("dataset", "target", "method", "seed", "status", "reason"), rows);
    }

    /** @return the image-AUROC table in the shape of the paper's Tables 2 and 4 */
    public static ResultTable imageAurocTable(List<RunMetrics> metrics) {
        return table("Image AUROC", metrics, RunMetrics::imageAuroc);
    }

    public static List<ResultTable> tables(List<RunMetrics> metrics) {
        List<ResultTable> tables = new ArrayList<>();
        tables.add(imageAurocTable(metrics));
        if (metrics.stream().allMatch(m -> m.pixelAuroc() != null)) {
            tables.add(table("Pixel AUROC", metrics, RunMetrics::pixelAuroc));
        }
        if (metrics.stream().allMatch(m -> m.evaluation().aupro() != null)) {
            tables.add(table("AUPRO", metrics, m -> m.evaluation().aupro()));
        }
        for (String rule : Evaluation.RULES) {
            // A rule only some methods have (the good-images-only threshold of adapted models)
            // gets its table too: the others' cells stay empty.
            List<RunMetrics> ruled = metrics.stream().filter(m -> m.metrics().containsKey(rule)).toList();
            if (!ruled.isEmpty()) {
                tables.add(table("F1 " + rule, ruled, m -> m.metrics().get(rule).f1()));
            }
            if (rule.equals(Thresholds.GOOD_IMAGES_ONLY) && !ruled.isEmpty()) {
                tables.add(table("Precision " + rule, ruled, m -> m.metrics().get(rule).precision()));
                tables.add(table("Recall " + rule, ruled, m -> m.metrics().get(rule).recall()));
                tables.add(table("FPR " + rule, ruled, m -> m.metrics().get(rule).falsePositiveRate()));
            }
        }
        List<RunMetrics> banded = metrics.stream().filter(m -> m.run().band().isPresent()).toList();
        if (!banded.isEmpty()) {
            tables.add(table("Review share", banded, m -> bandShare(m.run(), false)));
            tables.add(table("Errors outside review", banded, m -> bandShare(m.run(), true)));
        }
        return tables;
    }

    /**
     * @param errors false: the share of test images the band sends to review; true: the share
     *     it decides wrongly on its own (a defect called good, a good image rejected)
     */
    static double bandShare(RunResult run, boolean errors) {
        DecisionBand band = run.band().orElseThrow();
        int count = 0;
        for (Prediction p : run.test()) {
            String decision = band.decide(p.score().score());
            String wrong = p.image().label() == Label.ANOMALOUS ? DecisionBand.GOOD : DecisionBand.REJECT;
            if (decision.equals(errors ? wrong : DecisionBand.REVIEW)) {
                count++;
            }
        }
        return (double) count / run.test().size();
    }

    private static ResultTable table(String title, List<RunMetrics> metrics, Function<RunMetrics, Double> value) {
        List<Summary.Result> results = new ArrayList<>();
        for (RunMetrics m : metrics) {
            RunResult r = m.run();
            results.add(new Summary.Result(r.dataset(), r.target(), r.method(), r.seed(), value.apply(m)));
        }
        return Summary.table(title, results, 3);
    }

    /**
     * Writes everything into {@code folder} (the caller makes the folder appear atomically).
     *
     * @param manifest the settings to record
     */
    public static void write(Path folder, List<RunMetrics> metrics, List<NotRun> notRun, Properties manifest,
            Progress progress) throws IOException {
        List<ResultTable> tables = new ArrayList<>(tables(metrics));
        if (!notRun.isEmpty()) {
            tables.add(notRunTable(notRun));
        }
        for (ResultTable table : tables) {
            CsvTables.write(folder.resolve(fileName(table.title()) + ".csv"), table);
        }
        XlsxWorkbook.write(folder.resolve("summary.xlsx"), tables);
        writePredictions(folder.resolve("predictions.csv"), metrics);
        List<Path> images = new ArrayList<>();
        images.addAll(rocCurves(folder, metrics));
        images.addAll(heatmaps(folder, metrics, progress));
        List<String> methods = metrics.stream().map(m -> m.run().method()).distinct().toList();
        MarkdownReport.write(folder.resolve("report.md"), "CrossDefect benchmark",
                tables.stream().map(t -> t.title().equals(NOT_RUN) ? t : Summary.textView(t, methods)).toList(), images);
        try (Writer w = Files.newBufferedWriter(folder.resolve("manifest.properties"), StandardCharsets.UTF_8)) {
            manifest.store(w, "CrossDefect benchmark run");
        }
    }

    private static void writePredictions(Path file, List<RunMetrics> metrics) throws IOException {
        List<PredictionsCsv.Block> blocks = new ArrayList<>();
        for (RunMetrics m : metrics) {
            RunResult r = m.run();
            // The deployable rule labels the predictions: it needs no target anomaly.
            blocks.add(new PredictionsCsv.Block(List.of(r.dataset(), r.target(), r.method(), r.seed()), r.test(),
                    m.thresholds().get(Thresholds.SOURCE_VALIDATION), true, m.thresholds(), r.band().orElse(null)));
        }
        PredictionsCsv.write(file, List.of("dataset", "target", "method", "seed"), Evaluation.RULES, blocks);
    }

    /** One chart per dataset: a curve per method over the test images of all targets (seed 0). */
    private static List<Path> rocCurves(Path folder, List<RunMetrics> metrics) throws IOException {
        List<Path> charts = new ArrayList<>();
        Files.createDirectories(folder.resolve("roc"));
        for (String dataset : metrics.stream().map(m -> m.run().dataset()).distinct().toList()) {
            Map<String, RocCurve> curves = new LinkedHashMap<>();
            for (String method : metrics.stream().map(m -> m.run().method()).distinct().toList()) {
                List<Prediction> pooled = new ArrayList<>();
                metrics.stream().filter(m -> m.run().dataset().equals(dataset) && m.run().method().equals(method)
                        && m.run().seed() == 0).forEach(m -> pooled.addAll(m.run().test()));
                if (!pooled.isEmpty()) {
                    curves.put(method, RocCurve.of(LabelledScores.of(pooled)));
                }
            }
            Path png = folder.resolve("roc").resolve(fileName(dataset) + ".png");
            RocChart.write(png, curves, "ROC, dataset " + dataset + " (test images of all targets, seed 0)");
            charts.add(png);
        }
        return charts;
    }

    /** The most and least anomalous test images per dataset and method (seed 0). */
    private static List<Path> heatmaps(Path folder, List<RunMetrics> metrics, Progress progress) throws IOException {
        List<Path> written = new ArrayList<>();
        for (String dataset : metrics.stream().map(m -> m.run().dataset()).distinct().toList()) {
            for (String method : metrics.stream().map(m -> m.run().method()).distinct().toList()) {
                progress.checkCancelled();
                List<Prediction> pooled = new ArrayList<>();
                List<RunMetrics> runs = metrics.stream().filter(m -> m.run().dataset().equals(dataset)
                        && m.run().method().equals(method) && m.run().seed() == 0).toList();
                runs.forEach(m -> pooled.addAll(m.run().test()));
                if (pooled.isEmpty()) {
                    continue;
                }
                // One method's runs cut images alike, so their maps cover the same part of each image.
                Preprocessing preprocessing = runs.get(0).run().mapsCover();
                pooled.sort(Comparator.comparingDouble((Prediction p) -> p.score().score()).reversed());
                int n = Math.min(HEATMAPS_EACH_WAY, pooled.size() / 2);
                // The drawn images' maps are computed once; the scale spans every pooled image.
                Heatmaps.Scaled all = Heatmaps.scaled(pooled, preprocessing);
                Path dir = folder.resolve("heatmaps").resolve(fileName(dataset)).resolve(fileName(method));
                Files.createDirectories(dir);
                for (int i = 0; i < n; i++) {
                    written.add(heatmap(dir, "most", i, all, i));
                    written.add(heatmap(dir, "least", i, all, pooled.size() - 1 - i));
                }
            }
        }
        return written;
    }

    private static Path heatmap(Path dir, String kind, int rank, Heatmaps.Scaled maps, int index) throws IOException {
        Prediction p = maps.predictions().get(index);
        Path file = dir.resolve(kind + "_" + (rank + 1) + "_" + p.image().category() + "_" + p.image().folder() + "_"
                + ImageFiles.stem(p.image().image()) + ".png");
        maps.write(index, file);
        return file;
    }

    static String fileName(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }
}
