package org.crossdefect.core.nodes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.eval.BinaryMetrics;
import org.crossdefect.core.eval.Evaluation;
import org.crossdefect.core.eval.Threshold;
import org.crossdefect.core.image.Normalization;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

/**
 * Anomaly Scorer: a predictions table to the figures per target domain (the test rows'
 * category) and threshold rule: image AUROC, pixel AUROC (test images with masks), the threshold
 * and the F1, precision, recall and false positive rate it gives.
 */
public final class AnomalyScorerNode {

    public static final Parameter TARGET_GOOD = new Parameter("target-good", "5", "Good target images the "
            + "target-free 'few good images' threshold may see.");
    public static final List<Parameter> PARAMETERS = List.of(TARGET_GOOD);

    public static final List<Column> COLUMNS = List.of(
            new Column("target", ColumnType.STRING, "The target domain: the test images' category."),
            new Column("method", ColumnType.STRING, "The predicting model's method."),
            new Column("images", ColumnType.INT, "Test images of the target."),
            new Column("image_auroc", ColumnType.DOUBLE, "Image-level AUROC."),
            new Column("pixel_auroc", ColumnType.DOUBLE, "Pixel-level AUROC over the test images' masks; missing "
                    + "without masks."),
            new Column("threshold_rule", ColumnType.STRING, "How the threshold was chosen: target-tuned-f1 (the "
                    + "paper's, needs target anomalies), source-validation-f1 or target-good-quantile (target-free)."),
            new Column("threshold", ColumnType.DOUBLE, "The threshold."),
            new Column("f1", ColumnType.DOUBLE, "F1 on the target's test images at that threshold."),
            new Column("precision", ColumnType.DOUBLE, "Precision at that threshold."),
            new Column("recall", ColumnType.DOUBLE, "Recall at that threshold."),
            new Column("false_positive_rate", ColumnType.DOUBLE, "Good images flagged, as a fraction of good images."));

    private AnomalyScorerNode() {
    }

    public static int targetGood(Parameters p) {
        p.requireKnown(PARAMETERS, "Anomaly Scorer");
        int n = p.integer(TARGET_GOOD);
        org.crossdefect.core.error.InvalidSettingException.require(n >= 0, TARGET_GOOD.key(),
                "target good images must be 0 or more, got " + n);
        return n;
    }

    /**
     * @throws IllegalArgumentException if a target's test rows are of one class only (AUROC is
     *     then undefined); the message names the target
     */
    public static Table run(Table predictions, int targetGood) throws IOException {
        List<Prediction> test = PredictionTable.predictions(predictions, "test");
        List<Prediction> validation = PredictionTable.predictions(predictions, "validation");
        String method = predictions.rows().isEmpty() ? "" : (String) predictions.cell(0, "method");
        // Every image size keeps the paper's 256 : 224 crop, so maps and masks compared at 224 cover the
        // same part of the image whatever the size the model saw (a 448 px model's maps are resampled).
        Preprocessing crop = new Preprocessing(Backbone.RESIZE, Backbone.CROP, Normalization.IMAGENET);
        Preprocessing preprocessing = PredictionTable.wholeImageMaps(predictions) ? crop.wholeImage() : crop;
        Map<String, List<Prediction>> byTarget = new LinkedHashMap<>();
        test.forEach(p -> byTarget.computeIfAbsent(p.image().category(), c -> new ArrayList<>()).add(p));
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, List<Prediction>> target : byTarget.entrySet()) {
            Evaluation e = Evaluation.of(target.getValue(), validation, preprocessing, targetGood);
            for (Map.Entry<String, Threshold> rule : e.thresholds().entrySet()) {
                BinaryMetrics m = e.metrics().get(rule.getKey());
                rows.add(Arrays.<Object>asList(target.getKey(), method, target.getValue().size(), e.imageAuroc(),
                        e.pixelAuroc(), rule.getKey(), rule.getValue().value(), m.f1(), m.precision(), m.recall(),
                        m.falsePositiveRate()));
            }
        }
        return new Table(COLUMNS, rows);
    }
}
