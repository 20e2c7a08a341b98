package org.crossdefect.cli;

import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.data.DatasetMapping;
import org.crossdefect.core.data.DatasetMappings;
import org.crossdefect.core.data.DomainSplit;
import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.MappingFileException;
import org.crossdefect.core.data.MvtecTree;

import picocli.CommandLine.Option;

/** Which images of an MVTec-layout tree a command works on. */
final class ImageSelection {

    @Option(names = "--root", required = true, description = "MVTec-layout root: one folder per category.")
    Path root;

    @Option(names = "--category", description = "One category (all its images).")
    String category;

    @Option(names = "--dataset", description = "hole, cut, color, or a mapping CSV file.")
    String dataset;

    @Option(names = "--target", description = "With --dataset: the held-out category of the split.")
    String target;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the split (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Read once: train asks for its training and validation images, each from the same tree. */
    private MvtecTree tree;

    MvtecTree tree() throws Exception {
        if (tree == null) {
            tree = MvtecTree.open(root);
        }
        return tree;
    }

    /** @return the images: a category's, a dataset's, or every image of the tree */
    List<ImageRecord> images() throws Exception {
        MvtecTree tree = tree();
        if (category != null) {
            return tree.images(category);
        }
        if (dataset != null) {
            return tree.datasetImages(mapping());
        }
        return tree.allImages();
    }

    DatasetMapping mapping() throws MappingFileException {
        return DatasetMappings.resolve(dataset);
    }

    DomainSplit split(double anomalyTrainFraction) throws Exception {
        DatasetMapping mapping = mapping();
        return DomainSplitter.split(mapping.name(), tree().datasetImages(mapping), target, seed, anomalyTrainFraction);
    }

    /** @return training images: a category's train/ split, or the split's train role */
    List<ImageRecord> trainImages(double anomalyTrainFraction) throws Exception {
        if (category != null) {
            return tree().images(category).stream()
                    .filter(r -> r.split() == org.crossdefect.core.data.SourceSplit.TRAIN).toList();
        }
        return split(anomalyTrainFraction).train();
    }

    /** @return test images: a category's test/ split, or the split's test role (the target) */
    List<ImageRecord> testImages(double anomalyTrainFraction) throws Exception {
        if (category != null) {
            return tree().images(category).stream()
                    .filter(r -> r.split() == org.crossdefect.core.data.SourceSplit.TEST).toList();
        }
        return split(anomalyTrainFraction).test();
    }

    /** @return why a train/predict selection is invalid, or null */
    String splitProblem() {
        if ((category == null) == (dataset == null)) {
            return "give --category C (train on C/train, predict C/test) or --dataset D --target T "
                    + "(leave-one-domain-out)";
        }
        if (dataset != null && target == null) {
            return "--dataset needs --target: the held-out category to predict";
        }
        return problem();
    }

    /** @return why the selection is invalid, or null */
    String problem() {
        if (category != null && dataset != null) {
            return "give either --category or --dataset, not both";
        }
        if (target != null && dataset == null) {
            return "--target needs --dataset";
        }
        return null;
    }

}
