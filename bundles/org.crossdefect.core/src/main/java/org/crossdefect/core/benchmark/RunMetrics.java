package org.crossdefect.core.benchmark;

import java.util.Map;

import org.crossdefect.core.eval.BinaryMetrics;
import org.crossdefect.core.eval.Evaluation;
import org.crossdefect.core.eval.Threshold;

/** The figures of one run. */
public record RunMetrics(RunResult run, Evaluation evaluation) {

    public double imageAuroc() {
        return evaluation.imageAuroc();
    }

    public Double pixelAuroc() {
        return evaluation.pixelAuroc();
    }

    public Map<String, Threshold> thresholds() {
        return evaluation.thresholds();
    }

    public Map<String, BinaryMetrics> metrics() {
        return evaluation.metrics();
    }
}
