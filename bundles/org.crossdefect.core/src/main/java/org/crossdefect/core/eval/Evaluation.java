package org.crossdefect.core.eval;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.score.Prediction;

/**
 * The figures of one set of predictions on a target: image AUROC, pixel AUROC where there are
 * masks, and per threshold rule the threshold and the F1 / precision / recall it gives. Works on
 * any predictions (a benchmark run, a KNIME table of a Predictor's rows).
 *
 * @param imageAuroc image-level AUROC on the test predictions
 * @param pixelAuroc pixel-level AUROC where the test images have masks, else null
 * @param thresholds per rule name, the threshold chosen (absent where the rule could not decide)
 * @param metrics per rule name, precision/recall/F1 on the test predictions at that threshold
 * @param aupro the area under the per-region-overlap curve to FPR 0.3 (normalised) where the
 *     test images have masks, else null
 * @param defectsWithoutMask test defect images without a mask: in the image metrics, left out
 *     of the pixel metrics (their defect pixels are unknown)
 */
public record Evaluation(double imageAuroc, Double pixelAuroc, Double aupro, Map<String, Threshold> thresholds,
        Map<String, BinaryMetrics> metrics, int defectsWithoutMask) {

    /** @return what the pixel metrics left out, for a person; null when nothing */
    public String pixelNote() {
        return defectsWithoutMask == 0 ? null : defectsWithoutMask + " defect test image" + (defectsWithoutMask == 1
                ? " has" : "s have") + " no mask: counted in the image metrics, left out of the pixel metrics";
    }

    /** Threshold rules reported side by side; the first target-free one labels the predictions. */
    public static final List<String> RULES = List.of(Thresholds.TARGET_TUNED, Thresholds.SOURCE_VALIDATION,
            Thresholds.TARGET_GOOD_QUANTILE, Thresholds.GOOD_IMAGES_ONLY);

    /**
     * @param test predictions on the target's test images (good and defect ones)
     * @param validation predictions on the source validation images, for the source-validation
     *     rule; may be empty (the rule is then left out)
     * @param preprocessing the crop the anomaly maps cover, for pixel AUROC; null skips it
     * @param targetGood how many target good images the "few good images" rule may see (the
     *     first ones of the test set, in path order)
     * @throws IllegalArgumentException if the test predictions are of one class only
     */
    public static Evaluation of(List<Prediction> test, List<Prediction> validation, Preprocessing preprocessing,
            int targetGood) throws IOException {
        return of(test, validation, preprocessing, targetGood, java.util.OptionalDouble.empty());
    }

    /**
     * @param goodOnlyThreshold the model's own threshold from the target's good training images
     *     ({@link org.crossdefect.core.eval.Thresholds#GOOD_IMAGES_ONLY}), where it has one
     */
    public static Evaluation of(List<Prediction> test, List<Prediction> validation, Preprocessing preprocessing,
            int targetGood, java.util.OptionalDouble goodOnlyThreshold) throws IOException {
        LabelledScores scores = LabelledScores.of(test);
        double auroc = Auroc.of(floats(scores.scores()), scores.anomalous());
        boolean masks = test.stream().anyMatch(p -> p.image().mask() != null);
        PixelGrid grid = masks && preprocessing != null ? PixelGrid.of(test, preprocessing) : null;
        boolean pixelMetrics = grid != null && grid.hasBothClasses();
        Double pixel = pixelMetrics ? PixelAuroc.of(grid) : null;
        Double aupro = pixelMetrics ? Aupro.of(grid) : null;
        int maskless = (int) test.stream().filter(p -> !PixelGrid.pixelsKnown(p)).count();
        Map<String, Threshold> thresholds = new LinkedHashMap<>();
        thresholds.put(Thresholds.TARGET_TUNED, Thresholds.targetTuned(scores));
        putIfDecided(thresholds, Thresholds.SOURCE_VALIDATION,
                () -> Thresholds.sourceValidation(LabelledScores.of(validation)));
        double[] good = scores.goodScores();
        double[] few = Arrays.copyOf(good, Math.min(targetGood, good.length));
        putIfDecided(thresholds, Thresholds.TARGET_GOOD_QUANTILE,
                () -> Thresholds.targetGoodQuantile(few, Thresholds.DEFAULT_QUANTILE));
        goodOnlyThreshold.ifPresent(t -> thresholds.put(Thresholds.GOOD_IMAGES_ONLY, new Threshold(t,
                Thresholds.GOOD_IMAGES_ONLY, "chosen by the model from the target's good training images")));
        Map<String, BinaryMetrics> byRule = new LinkedHashMap<>();
        thresholds.forEach((rule, t) -> byRule.put(rule, BinaryMetrics.of(scores, t)));
        return new Evaluation(auroc, pixel, aupro, thresholds, byRule, maskless);
    }

    private static void putIfDecided(Map<String, Threshold> thresholds, String rule, Supplier<Threshold> choose) {
        try {
            thresholds.put(rule, choose.get());
        } catch (IllegalArgumentException e) {
            // The rule cannot decide on these images (e.g. one class only); the tables leave it out.
        }
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
