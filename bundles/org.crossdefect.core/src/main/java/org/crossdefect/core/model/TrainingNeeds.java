package org.crossdefect.core.model;

import java.util.List;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;

/**
 * What a method's training split must hold. Declared by each method so a benchmark can tell,
 * before any work, which (target, method) cannot train and why; the same check stops a single
 * training with the same words.
 */
public enum TrainingNeeds {
    /** Good images (PatchCore). */
    GOOD_IMAGES,
    /** Good images and defect images with masks (SEMLP, Labeled PatchCore). */
    GOOD_AND_DEFECT_IMAGES,
    /** Good images of the target object (k-shot PatchCore). */
    TARGET_SHOTS,
    /** Good and defect images of the sources and at least two good images of the target (fusions). */
    GOOD_AND_DEFECT_IMAGES_AND_TARGET_SHOTS;

    /** @return whether the method learns from good images of the target (the k-shot family) */
    public boolean usesTargetShots() {
        return this == TARGET_SHOTS || this == GOOD_AND_DEFECT_IMAGES_AND_TARGET_SHOTS;
    }

    /**
     * @param method the method's title, for the message
     * @return why {@code train} cannot train the method, or null if it can
     */
    public String unmetBy(List<ImageRecord> train, List<ImageRecord> targetShots, String method) {
        if (this == TARGET_SHOTS) {
            return targetShots.isEmpty() ? method + " learns the new object's normal look from a few of its good "
                    + "images, but the target has none in train/good (or target-shots is 0): add good images of "
                    + "the target to <target>/train/good" : null;
        }
        if (this == GOOD_AND_DEFECT_IMAGES_AND_TARGET_SHOTS) {
            if (targetShots.size() < 2) {
                return method + " calibrates its two scores on the target's good images and needs at least 2 "
                        + "(target-shots, and images in <target>/train/good), got " + targetShots.size();
            }
            return GOOD_AND_DEFECT_IMAGES.unmetBy(train, targetShots, method);
        }
        long good = train.stream().filter(r -> r.label() == Label.GOOD).count();
        if (this == GOOD_IMAGES) {
            return good > 0 ? null : "no good image among the " + train.size() + " training images; " + method
                    + " learns from good images: add good images of the source categories";
        }
        if (good > 0 && good < train.size()) {
            return train.stream().filter(r -> r.label() == Label.ANOMALOUS && r.mask() == null).findFirst()
                    .map(r -> "the training defect image " + r.image() + " has no ground-truth mask; " + method
                            + " learns from masked defect patches: add its mask (" + r.category()
                            + "/ground_truth/" + r.folder() + "/<name>_mask.png) or leave the image out").orElse(null);
        }
        return method + " needs good images and defect images with masks, but the " + train.size()
                + " training images are " + good + " good and " + (train.size() - good) + " defect images; add "
                + (good == 0 ? "good images" : "defect images with masks") + " to the training split";
    }
}
