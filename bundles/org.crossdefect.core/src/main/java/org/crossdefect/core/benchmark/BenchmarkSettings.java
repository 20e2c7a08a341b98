package org.crossdefect.core.benchmark;

import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.coreset.CoresetMode;
import org.crossdefect.core.data.DomainSplitter;

/**
 * The paper's protocol: every dataset x every target domain x every method x seeds.
 *
 * @param root MVTec-layout tree
 * @param datasets built-in names (hole, cut, color) or mapping files
 * @param methods method names (patchcore, labeled-patchcore, semlp, ...)
 * @param seeds how many seeds (0, 1, ... seeds-1): each seed draws another split and training
 * @param backbone the backbone all methods share
 * @param coresetMode coreset mode of the PatchCore family
 * @param coresetRatio coreset ratio before dividing by the number of training categories
 * @param anomalyTrainFraction fraction of each source folder's defect images that train
 * @param targetGoodForThreshold target good images used by the target-free "few good images" rule
 * @param targets the target domains to run (each must be a category of some dataset); empty for all
 */
public record BenchmarkSettings(Path root, List<String> datasets, List<String> methods, int seeds,
        BackboneSpec backbone, CoresetMode coresetMode, double coresetRatio, double anomalyTrainFraction,
        int targetGoodForThreshold, List<String> targets) {

    public BenchmarkSettings {
        datasets = List.copyOf(datasets);
        methods = List.copyOf(methods);
        targets = List.copyOf(targets);
        if (seeds < 1) {
            throw new IllegalArgumentException("at least one seed is needed, got " + seeds);
        }
    }

    public static BenchmarkSettings of(Path root, List<String> datasets, List<String> methods, int seeds,
            BackboneSpec backbone) {
        return new BenchmarkSettings(root, datasets, methods, seeds, backbone, CoresetMode.ONLINE, 0.1,
                DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION, 5, List.of());
    }
}
