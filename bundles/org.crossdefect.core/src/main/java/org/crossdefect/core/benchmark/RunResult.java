package org.crossdefect.core.benchmark;

import java.util.List;

import org.crossdefect.core.score.Prediction;

/**
 * One (dataset, target, method, seed) of a benchmark: the predictions on the target's test
 * images and on the source validation images (for target-free thresholds), and the threshold the
 * model chose from the target's good training images where it adapted to the target, and what
 * the model's maps cover (the crop, or the whole image when stitched from tiles).
 */
public record RunResult(String dataset, String target, String method, long seed, List<Prediction> test,
        List<Prediction> validation, double trainSeconds, double predictSeconds,
        java.util.OptionalDouble goodOnlyThreshold, java.util.Optional<org.crossdefect.core.score.DecisionBand> band,
        org.crossdefect.core.image.Preprocessing mapsCover) {
}
