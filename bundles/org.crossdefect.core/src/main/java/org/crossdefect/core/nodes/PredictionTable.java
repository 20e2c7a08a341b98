package org.crossdefect.core.nodes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.data.SourceSplit;
import org.crossdefect.core.error.IncompatibleException;
import org.crossdefect.core.eval.Threshold;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.report.Heatmaps;
import org.crossdefect.core.report.PredictionsCsv;
import org.crossdefect.core.score.DecisionBand;
import org.crossdefect.core.score.ImageScore;
import org.crossdefect.core.score.Prediction;

/**
 * The Predictors' table: the columns of the CLI's predictions CSV ({@link PredictionsCsv#COLUMNS},
 * the same values), then what a downstream Anomaly Scorer needs (method, role, mask, the patch
 * scores) and the heatmap overlay as a PNG cell.
 */
public final class PredictionTable {

    public static final String SCORE = "score";
    public static final String HEATMAP = "heatmap";
    public static final String MAP_COVERS = "map_covers";
    static final String CROP = "crop";
    static final String WHOLE_IMAGE = "whole image";

    public static final List<Column> COLUMNS = List.of(
            new Column("image", ColumnType.STRING, "Path of the image file."),
            new Column("category", ColumnType.STRING, "The image's category (domain)."),
            new Column("defect_type", ColumnType.STRING, "good, or the kind of defect the image shows."),
            new Column("label", ColumnType.INT, "1 anomalous, 0 good (the ground truth)."),
            new Column(SCORE, ColumnType.DOUBLE, "The image's anomaly score: higher is more anomalous."),
            new Column("predicted_label", ColumnType.INT, "1 anomalous, 0 good: the model's own decision "
                    + "(Labeled PatchCore, SEMLP) or score >= threshold; missing when neither decides."),
            new Column("predicted_defect_type", ColumnType.STRING, "The defect type a SEMLP type head predicts; "
                    + "missing for other models."),
            new Column("threshold", ColumnType.DOUBLE, "The threshold setting, where one was given."),
            new Column("decision", ColumnType.STRING, "good, review or reject: the model's decision band "
                    + "(k-shot methods, thresholds from the target's good images alone); missing for other models."),
            new Column("method", ColumnType.STRING, "The model's method."),
            new Column("role", ColumnType.STRING, "test or validation: the image's role in the split."),
            new Column("mask", ColumnType.STRING, "Path of the ground-truth mask (for pixel AUROC); missing if none."),
            new Column("grid", ColumnType.STRING, "The patch grid as HEIGHTxWIDTH."),
            new Column("patch_scores", ColumnType.STRING, "The anomaly map before upsampling: grid float32 "
                    + "values, little-endian, Base64."),
            new Column(MAP_COVERS, ColumnType.STRING, CROP + ": the map covers the network's centre crop of the "
                    + "image; " + WHOLE_IMAGE + ": it is stitched from tiles over the whole image."),
            new Column(HEATMAP, ColumnType.PNG, "The image with its anomaly map and the mask outline; missing "
                    + "unless heatmaps are on."));

    private PredictionTable() {
    }

    /**
     * @param threshold decides predicted_label where the model has no decision; null for none
     * @param band the model's good / review / reject band, or null
     * @param heatmaps the predictions' maps on one colour scale, or null for no heatmap cells
     * @param wholeImageMaps whether the maps are stitched from tiles over the whole image
     */
    public static List<List<Object>> rows(String method, String role, List<Prediction> predictions,
            Threshold threshold, DecisionBand band, Heatmaps.Scaled heatmaps, boolean wholeImageMaps)
            throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            Boolean decided = PredictionsCsv.decision(p, threshold, false);
            ImageRecord r = p.image();
            ImageScore s = p.score();
            rows.add(Arrays.<Object>asList(r.image().toString(), r.category(), r.defectType(), r.label().value(), s.score(),
                    decided == null ? null : decided ? 1 : 0, s.defectType(),
                    threshold == null ? null : threshold.value(), band == null ? null : band.decide(s.score()),
                    method, role,
                    r.mask() == null ? null : r.mask().toString(), s.gridHeight() + "x" + s.gridWidth(),
                    encode(s.patchScores()), wholeImageMaps ? WHOLE_IMAGE : CROP,
                    heatmaps == null ? null : heatmaps.png(i)));
        }
        return rows;
    }

    /**
     * @return whether the table's maps are stitched over whole images (tables without the column,
     *     from before tiles, cover the crop)
     * @throws IncompatibleException if its rows mix both
     */
    public static boolean wholeImageMaps(Table table) {
        if (table.indexOf(MAP_COVERS) < 0) {
            return false;
        }
        java.util.Set<Object> kinds = new java.util.HashSet<>();
        for (int i = 0; i < table.rows().size(); i++) {
            kinds.add(table.cell(i, MAP_COVERS));
        }
        if (kinds.size() > 1) {
            throw new IncompatibleException("the predictions table mixes maps of the crop and of whole images (a tiled "
                    + "and an untiled model); score each Predictor's table on its own");
        }
        return kinds.contains(WHOLE_IMAGE);
    }

    /** @return the predictions' heatmaps on one colour scale */
    public static Heatmaps.Scaled heatmaps(List<Prediction> predictions, Preprocessing preprocessing) {
        return Heatmaps.scaled(predictions, preprocessing);
    }

    /**
     * Reads predictions back (for the Anomaly Scorer): the images with their ground truth and the
     * scores with their patch maps.
     *
     * @param role the rows of this role ("test" or "validation")
     * @throws IncompatibleException if the table lacks a column this needs
     */
    public static List<Prediction> predictions(Table table, String role) {
        for (String needed : List.of("image", "category", "defect_type", "label", SCORE, "role", "mask", "grid",
                "patch_scores")) {
            if (table.indexOf(needed) < 0) {
                throw new IncompatibleException("the predictions table lacks the column '" + needed + "'; connect "
                        + "the output of a CrossDefect Predictor");
            }
        }
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            if (!role.equals(table.cell(i, "role"))) {
                continue;
            }
            String mask = (String) table.cell(i, "mask");
            Integer label = (Integer) table.cell(i, "label");
            String defectType = (String) table.cell(i, "defect_type");
            ImageRecord image = new ImageRecord(Path.of((String) table.cell(i, "image")),
                    mask == null ? null : Path.of(mask), (String) table.cell(i, "category"),
                    defectType, defectType, Label.of(label),
                    SourceSplit.TEST);
            String[] grid = ((String) table.cell(i, "grid")).split("x");
            out.add(new Prediction(image, new ImageScore((Double) table.cell(i, SCORE),
                    decode((String) table.cell(i, "patch_scores")), Integer.parseInt(grid[0]),
                    Integer.parseInt(grid[1]), null, null)));
        }
        return out;
    }

    static String encode(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    static float[] decode(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
