package org.crossdefect.core.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.crossdefect.core.eval.Threshold;
import org.crossdefect.core.score.DecisionBand;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.files.AtomicFiles;

/**
 * The predictions CSV other tools read: one row per image with the columns
 * {@code image,category,defect_type,label,score,predicted_label,predicted_defect_type,threshold,
 * decision} (label 1 = anomalous, 0 = good, empty when unknown; predicted_label empty when
 * neither the model nor a threshold decides; decision good / review / reject where the model has
 * a decision band, else empty). The first five names are a stable contract.
 */
public final class PredictionsCsv {

    public static final List<String> COLUMNS = List.of("image", "category", "defect_type", "label", "score",
            "predicted_label", "predicted_defect_type", "threshold", "decision");

    /** One row read back; {@code decision} empty where the model has no decision band (or an older file). */
    public record Row(String image, String category, String defectType, Integer label, double score,
            Integer predictedLabel, String predictedDefectType, String decision) {
    }

    private PredictionsCsv() {
    }

    /**
     * Rows of predictions that share the values of the leading columns (a benchmark's dataset,
     * target, method and seed) and one way of deciding {@code predicted_label}.
     *
     * @param lead the values of the leading columns, one per column
     * @param threshold decides predicted_label (and fills threshold) where the model has no
     *     decision of its own, or always when {@code overrideModel}; null for none
     * @param overrideModel whether the threshold decides even where the model has a decision
     * @param byRule per threshold rule of the file, its threshold (absent: empty cells)
     * @param band the model's good / review / reject band, or null
     */
    public record Block(List<Object> lead, List<Prediction> predictions, Threshold threshold, boolean overrideModel,
            Map<String, Threshold> byRule, DecisionBand band) {
    }

    /**
     * Writes the plain predictions CSV ({@link #COLUMNS}) of one model.
     *
     * @param threshold decides predicted_label where the model has no decision of its own; null for none
     */
    public static void write(Path file, List<Prediction> predictions, Double threshold) throws IOException {
        AtomicFiles.writeFile(file, tmp -> print(tmp, predictions, threshold, null));
    }

    /**
     * Writes predictions straight into {@code destination}, for a caller that publishes it
     * atomically together with other outputs (predict's CSV and heatmaps are one outcome).
     */
    public static void print(Path destination, List<Prediction> predictions, Double threshold, DecisionBand band)
            throws IOException {
        Threshold t = threshold == null ? null : new Threshold(threshold, "fixed", "--threshold");
        print(destination, List.of(), List.of(), List.of(new Block(List.of(), predictions, t, false, Map.of(), band)));
    }

    /**
     * Writes predictions atomically: the leading columns, {@link #COLUMNS}, and with rules a
     * {@code threshold_rule} column and one {@code predicted_label_<rule>} column per rule.
     */
    public static void write(Path file, List<String> leadColumns, List<String> rules, List<Block> blocks)
            throws IOException {
        AtomicFiles.writeFile(file, tmp -> print(tmp, leadColumns, rules, blocks));
    }

    private static void print(Path destination, List<String> leadColumns, List<String> rules, List<Block> blocks)
            throws IOException {
        List<String> header = new ArrayList<>(leadColumns);
        header.addAll(COLUMNS);
        if (!rules.isEmpty()) {
            header.add("threshold_rule");
            rules.forEach(rule -> header.add("predicted_label_" + rule));
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (Writer writer = Files.newBufferedWriter(destination, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (Block block : blocks) {
                for (Prediction p : block.predictions()) {
                    printer.printRecord(row(block, p, rules));
                }
            }
        }
    }

    /**
     * The predicted label of a prediction: the model's own decision where it has one (unless
     * {@code overrideModel}), else the threshold's; null when neither decides.
     */
    public static Boolean decision(Prediction p, Threshold threshold, boolean overrideModel) {
        Boolean decided = overrideModel ? null : p.score().anomalous();
        if (decided == null && threshold != null) {
            decided = threshold.isAnomalous(p.score().score());
        }
        return decided;
    }

    private static List<Object> row(Block block, Prediction p, List<String> rules) {
        Threshold t = block.threshold();
        double score = p.score().score();
        Boolean decided = decision(p, t, block.overrideModel());
        List<Object> row = new ArrayList<>(block.lead());
        row.addAll(List.of(p.image().image(), p.image().category(), p.image().defectType(), p.image().label().value(),
                format(score), decided == null ? "" : decided ? 1 : 0,
                p.score().defectType() == null ? "" : p.score().defectType(), t == null ? "" : format(t.value()),
                block.band() == null ? "" : block.band().decide(score)));
        if (!rules.isEmpty()) {
            row.add(t == null ? "" : t.rule());
            for (String rule : rules) {
                Threshold r = block.byRule().get(rule);
                row.add(r == null ? "" : r.isAnomalous(score) ? 1 : 0);
            }
        }
        return row;
    }

    public static List<Row> read(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Row> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord r : parser) {
                rows.add(new Row(r.get("image"), r.get("category"), r.get("defect_type"), integer(r.get("label")),
                        Double.parseDouble(r.get("score")), integer(r.get("predicted_label")),
                        r.isMapped("predicted_defect_type") ? r.get("predicted_defect_type") : "",
                        r.isMapped("decision") ? r.get("decision") : ""));
            }
        }
        return rows;
    }

    private static Integer integer(String s) {
        return s == null || s.isEmpty() ? null : Integer.valueOf(s);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
