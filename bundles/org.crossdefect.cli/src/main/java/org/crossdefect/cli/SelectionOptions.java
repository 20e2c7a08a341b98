package org.crossdefect.cli;

import java.nio.file.Path;

import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.data.ImageSelection;

import picocli.CommandLine.Option;

/** Which images of an MVTec-layout tree a command works on (see {@link ImageSelection}). */
final class SelectionOptions {

    @Option(names = "--root", required = true, description = "MVTec-layout root: one folder per category.")
    Path root;

    @Option(names = "--category", description = "One category (all its images).")
    String category;

    @Option(names = "--dataset", description = "hole, cut, color, or a mapping CSV file.")
    String dataset;

    @Option(names = "--target", description = "With --dataset: the held-out category of the split.")
    String target;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the split and the training (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--anomaly-train-fraction", defaultValue = "" + DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION,
            description = "Fraction of each source folder's defect images used for training (default: "
                    + "${DEFAULT-VALUE}).")
    double anomalyTrainFraction;

    ImageSelection selection() {
        return new ImageSelection(root, category, dataset, target, seed, anomalyTrainFraction);
    }
}
