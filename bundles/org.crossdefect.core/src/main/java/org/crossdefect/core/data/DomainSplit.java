package org.crossdefect.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A leave-one-domain-out split of one dataset: the model learns from every category but the
 * target and is tested on the target alone.
 *
 * @param dataset the dataset's name
 * @param target the held-out category (the unseen domain)
 * @param seed the seed that chose which defect images train
 * @param anomalyTrainFraction the fraction r of each source folder's defect images that train
 * @param train images that fit a model
 * @param validation images for model selection and target-free thresholds
 * @param test the target's images
 */
public record DomainSplit(String dataset, String target, long seed, double anomalyTrainFraction,
        List<ImageRecord> train, List<ImageRecord> validation, List<ImageRecord> test) {

    /** An image with its role, for tables (one row per image). */
    public record Assignment(ImageRecord image, Role role) {
    }

    public DomainSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** @return the images of one role */
    public List<ImageRecord> images(Role role) {
        return switch (role) {
            case TRAIN -> train;
            case VALIDATION -> validation;
            case TEST -> test;
            // Not part of the paper's split: drawn apart from it, with their own k (DomainSplitter.targetShots).
            case TARGET_SHOT -> List.of();
        };
    }

    /** @return every image with its role: train, then validation, then test */
    public List<Assignment> assignments() {
        List<Assignment> all = new ArrayList<>();
        for (Role role : Role.values()) {
            images(role).forEach(r -> all.add(new Assignment(r, role)));
        }
        return all;
    }
}
