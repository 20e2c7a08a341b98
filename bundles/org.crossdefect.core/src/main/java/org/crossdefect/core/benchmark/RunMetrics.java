package org.crossdefect.core.benchmark;

import java.util.Map;

import org.crossdefect.core.eval.BinaryMetrics;
import org.crossdefect.core.eval.Threshold;

/**
 * The figures of one run.
 *
 * @param imageAuroc image-level AUROC on the target's test images
 * @param pixelAuroc pixel-level AUROC where the test images have masks, else null
 * @param thresholds per rule name, the threshold chosen (null where the rule could not decide)
 * @param metrics per rule name, precision/recall/F1 on the target's test images at that threshold
 */
public record RunMetrics(RunResult run, double imageAuroc, Double pixelAuroc, Map<String, Threshold> thresholds,
        Map<String, BinaryMetrics> metrics) {
}
