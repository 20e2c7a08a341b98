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
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.eval.Auroc;
import org.crossdefect.core.eval.BinaryMetrics;
import org.crossdefect.core.eval.LabelledScores;
import org.crossdefect.core.eval.PixelAuroc;
import org.crossdefect.core.eval.ResultTable;
import org.crossdefect.core.eval.RocCurve;
import org.crossdefect.core.eval.Summary;
import org.crossdefect.core.eval.Threshold;
import org.crossdefect.core.eval.Thresholds;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.io.CsvTables;
import org.crossdefect.core.io.Heatmaps;
import org.crossdefect.core.io.MarkdownReport;
import org.crossdefect.core.io.RocChart;
import org.crossdefect.core.io.XlsxWorkbook;
import org.crossdefect.core.patchcore.AnomalyMap;
import org.crossdefect.core.pipeline.Prediction;
import org.crossdefect.core.progress.Progress;

/**
 * Turns a benchmark's runs into figures (AUROC, pixel AUROC, F1 at target-tuned and target-free
 * thresholds) and writes the run folder: per-image predictions, the summary tables as CSV and
 * XLSX, ROC curves, heatmaps of the most and least anomalous test images, a Markdown report and
 * a manifest of the settings.
 */
public final class BenchmarkReport {

    /** Threshold rules reported side by side; the first target-free one labels the predictions. */
    public static final List<String> RULES = List.of(Thresholds.TARGET_TUNED, Thresholds.SOURCE_VALIDATION,
            Thresholds.TARGET_GOOD_QUANTILE);

    private static final int HEATMAPS_EACH_WAY = 3;

    private BenchmarkReport() {
    }

    /**
     * @param targetGood how many target good images the "few good images" rule may see (the
     *     first ones of the test set, in path order); they are excluded from nothing else
     */
    public static List<RunMetrics> evaluate(List<RunResult> runs, Preprocessing preprocessing, int targetGood,
            Progress progress) throws IOException {
        List<RunMetrics> metrics = new ArrayList<>();
        for (RunResult run : runs) {
            progress.checkCancelled();
            LabelledScores test = LabelledScores.of(run.test());
            double auroc = Auroc.of(floats(test.scores()), test.anomalous());
            boolean masks = run.test().stream().anyMatch(p -> p.image().mask() != null);
            Double pixel = masks ? PixelAuroc.of(run.test(), preprocessing) : null;
            Map<String, Threshold> thresholds = new LinkedHashMap<>();
            thresholds.put(Thresholds.TARGET_TUNED, Thresholds.targetTuned(test));
            thresholds.put(Thresholds.SOURCE_VALIDATION, tryRule(() -> Thresholds.sourceValidation(
                    LabelledScores.of(run.validation()))));
            double[] good = test.goodScores();
            double[] few = java.util.Arrays.copyOf(good, Math.min(targetGood, good.length));
            thresholds.put(Thresholds.TARGET_GOOD_QUANTILE, tryRule(() -> Thresholds.targetGoodQuantile(few,
                    Thresholds.DEFAULT_QUANTILE)));
            Map<String, BinaryMetrics> byRule = new LinkedHashMap<>();
            thresholds.forEach((rule, t) -> {
                if (t != null) {
                    byRule.put(rule, BinaryMetrics.of(test, t));
                }
            });
            metrics.add(new RunMetrics(run, auroc, pixel, thresholds, byRule));
            progress.update(metrics.size(), runs.size(), "evaluating");
        }
        return metrics;
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
        for (String rule : RULES) {
            if (metrics.stream().allMatch(m -> m.metrics().containsKey(rule))) {
                tables.add(table("F1 " + rule, metrics, m -> m.metrics().get(rule).f1()));
            }
        }
        return tables;
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
    public static void write(Path folder, List<RunMetrics> metrics, Properties manifest, Preprocessing preprocessing,
            Progress progress) throws IOException {
        List<ResultTable> tables = tables(metrics);
        for (ResultTable table : tables) {
            CsvTables.write(folder.resolve(fileName(table.title()) + ".csv"), table);
        }
        XlsxWorkbook.write(folder.resolve("summary.xlsx"), tables);
        writePredictions(folder.resolve("predictions.csv"), metrics);
        List<Path> images = new ArrayList<>();
        images.addAll(rocCurves(folder, metrics));
        images.addAll(heatmaps(folder, metrics, preprocessing, progress));
        MarkdownReport.write(folder.resolve("report.md"), "CrossDefect benchmark", tables, images);
        try (Writer w = Files.newBufferedWriter(folder.resolve("manifest.properties"), StandardCharsets.UTF_8)) {
            manifest.store(w, "CrossDefect benchmark run");
        }
    }

    private static void writePredictions(Path file, List<RunMetrics> metrics) throws IOException {
        List<String> header = new ArrayList<>(List.of("dataset", "target", "method", "seed", "image", "category",
                "defect_type", "label", "score", "predicted_label", "predicted_defect_type", "threshold",
                "threshold_rule"));
        for (String rule : RULES) {
            header.add("predicted_label_" + rule);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (RunMetrics m : metrics) {
                RunResult r = m.run();
                // The deployable rule labels the predictions: it needs no target anomaly.
                Threshold used = m.thresholds().get(Thresholds.SOURCE_VALIDATION);
                for (Prediction p : r.test()) {
                    List<Object> row = new ArrayList<>(List.of(r.dataset(), r.target(), r.method(), r.seed(),
                            p.image().image(), p.image().category(), p.image().defectType(), p.image().label().value(),
                            number(p.score().score()), used == null ? "" : used.isAnomalous(p.score().score()) ? 1 : 0,
                            p.score().defectType() == null ? "" : p.score().defectType(),
                            used == null ? "" : number(used.value()), used == null ? "" : used.rule()));
                    for (String rule : RULES) {
                        Threshold t = m.thresholds().get(rule);
                        row.add(t == null ? "" : t.isAnomalous(p.score().score()) ? 1 : 0);
                    }
                    printer.printRecord(row);
                }
            }
        }
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
    private static List<Path> heatmaps(Path folder, List<RunMetrics> metrics, Preprocessing preprocessing,
            Progress progress) throws IOException {
        List<Path> written = new ArrayList<>();
        for (String dataset : metrics.stream().map(m -> m.run().dataset()).distinct().toList()) {
            for (String method : metrics.stream().map(m -> m.run().method()).distinct().toList()) {
                progress.checkCancelled();
                List<Prediction> pooled = new ArrayList<>();
                metrics.stream().filter(m -> m.run().dataset().equals(dataset) && m.run().method().equals(method)
                        && m.run().seed() == 0).forEach(m -> pooled.addAll(m.run().test()));
                if (pooled.isEmpty()) {
                    continue;
                }
                pooled.sort(Comparator.comparingDouble((Prediction p) -> p.score().score()).reversed());
                double high = 0;
                double low = Double.MAX_VALUE;
                for (Prediction p : pooled) {
                    for (float v : AnomalyMap.of(p.score(), preprocessing.crop())) {
                        high = Math.max(high, v);
                        low = Math.min(low, v);
                    }
                }
                Path dir = folder.resolve("heatmaps").resolve(fileName(dataset)).resolve(fileName(method));
                Files.createDirectories(dir);
                int n = Math.min(HEATMAPS_EACH_WAY, pooled.size() / 2);
                for (int i = 0; i < n; i++) {
                    written.add(heatmap(dir, "most", i, pooled.get(i), preprocessing, low, high));
                    written.add(heatmap(dir, "least", i, pooled.get(pooled.size() - 1 - i), preprocessing, low, high));
                }
            }
        }
        return written;
    }

    private static Path heatmap(Path dir, String kind, int rank, Prediction p, Preprocessing preprocessing, double low,
            double high) throws IOException {
        Path file = dir.resolve(kind + "_" + (rank + 1) + "_" + p.image().category() + "_" + p.image().folder() + "_"
                + ImageFiles.stem(p.image().image()) + ".png");
        Heatmaps.write(p, preprocessing, low, high, file);
        return file;
    }

    private static Threshold tryRule(java.util.function.Supplier<Threshold> rule) {
        try {
            return rule.get();
        } catch (IllegalArgumentException e) {
            // The rule cannot decide on these images (e.g. one class only); the table leaves it out.
            return null;
        }
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String fileName(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }
}
