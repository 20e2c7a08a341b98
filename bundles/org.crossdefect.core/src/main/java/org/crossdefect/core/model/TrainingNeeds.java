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
    GOOD_AND_DEFECT_IMAGES;

    /**
     * @param method the method's title, for the message
     * @return why {@code train} cannot train the method, or null if it can
     */
    public String unmetBy(List<ImageRecord> train, String method) {
        long good = train.stream().filter(r -> r.label() == Label.GOOD).count();
        if (this == GOOD_IMAGES) {
            return good > 0 ? null : "no good image among the " + train.size() + " training images; " + method
                    + " learns from good images: add good images of the source categories";
        }
        if (good > 0 && good < train.size()) {
            return null;
        }
        return method + " needs good images and defect images with masks, but the " + train.size()
                + " training images are " + good + " good and " + (train.size() - good) + " defect images; add "
                + (good == 0 ? "good images" : "defect images with masks") + " to the training split";
    }
}
