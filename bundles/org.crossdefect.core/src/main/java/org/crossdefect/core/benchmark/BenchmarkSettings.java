package org.crossdefect.core.benchmark;

import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.settings.Parameters;

/**
 * The paper's protocol: every dataset x every target domain x every method x seeds.
 *
 * @param root MVTec-layout tree
 * @param datasets built-in names (hole, cut, color) or mapping files
 * @param methods method ids (patchcore, labeled-patchcore, semlp, ...)
 * @param seeds how many seeds (0, 1, ... seeds-1): each seed draws another split and training
 * @param backbone the backbone all methods share
 * @param parameters method settings handed to every method (each reads its own keys)
 * @param anomalyTrainFraction fraction of each source folder's defect images that train
 * @param targetGoodForThreshold target good images used by the target-free "few good images" rule
 * @param targets the target domains to run (each must be a category of some dataset); empty for all
 */
public record BenchmarkSettings(Path root, List<String> datasets, List<String> methods, int seeds,
        BackboneSpec backbone, Parameters parameters, double anomalyTrainFraction, int targetGoodForThreshold,
        List<String> targets) {

    public BenchmarkSettings {
        datasets = List.copyOf(datasets);
        methods = List.copyOf(methods);
        targets = List.copyOf(targets);
        InvalidSettingException.require(seeds >= 1, "seeds", "at least one seed is needed, got " + seeds);
        InvalidSettingException.require(!datasets.isEmpty(), "dataset", "name at least one dataset");
        InvalidSettingException.require(!methods.isEmpty(), "methods", "name at least one method");
        InvalidSettingException.require(targetGoodForThreshold >= 0, "target-good", "target good images for the "
                + "threshold must be 0 or more, got " + targetGoodForThreshold);
    }

    public static BenchmarkSettings of(Path root, List<String> datasets, List<String> methods, int seeds,
            BackboneSpec backbone) {
        return new BenchmarkSettings(root, datasets, methods, seeds, backbone, Parameters.NONE,
                DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION, 5, List.of());
    }
}
