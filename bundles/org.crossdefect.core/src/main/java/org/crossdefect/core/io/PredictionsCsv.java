package org.crossdefect.core.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.crossdefect.core.pipeline.Prediction;

/**
 * The predictions CSV other tools read: one row per image with the columns
 * {@code image,category,defect_type,label,score,predicted_label,predicted_defect_type,threshold}
 * (label 1 = anomalous, 0 = good, empty when unknown; predicted_label empty when neither the
 * model nor a threshold decides). The first five names are a stable contract.
 */
public final class PredictionsCsv {

    public static final List<String> COLUMNS = List.of("image", "category", "defect_type", "label", "score",
            "predicted_label", "predicted_defect_type", "threshold");

    /** One row read back. */
    public record Row(String image, String category, String defectType, Integer label, double score,
            Integer predictedLabel, String predictedDefectType) {
    }

    private PredictionsCsv() {
    }

    /**
     * @param threshold decides predicted_label where the model has no decision of its own; null for none
     */
    public static void write(Path file, List<Prediction> predictions, Double threshold) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        AtomicFiles.writeFile(file, tmp -> {
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, format)) {
                for (Prediction p : predictions) {
                    Boolean decided = p.score().anomalous();
                    if (decided == null && threshold != null) {
                        decided = p.score().score() >= threshold;
                    }
                    printer.printRecord(p.image().image(), p.image().category(), p.image().defectType(),
                            p.image().label().value(), format(p.score().score()),
                            decided == null ? "" : decided ? 1 : 0,
                            p.score().defectType() == null ? "" : p.score().defectType(),
                            threshold == null ? "" : format(threshold));
                }
            }
        });
    }

    public static List<Row> read(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Row> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord r : parser) {
                rows.add(new Row(r.get("image"), r.get("category"), r.get("defect_type"), integer(r.get("label")),
                        Double.parseDouble(r.get("score")), integer(r.get("predicted_label")),
                        r.isMapped("predicted_defect_type") ? r.get("predicted_defect_type") : ""));
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
