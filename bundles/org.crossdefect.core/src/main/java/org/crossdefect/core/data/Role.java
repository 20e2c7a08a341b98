package org.crossdefect.core.data;

/** What an image is used for in a leave-one-domain-out split. */
public enum Role {
    /** Fits a model: other domains' train/good and a fraction of their defect images. */
    TRAIN,
    /** Model selection and target-free thresholds: the rest of the other domains' test images. */
    VALIDATION,
    /** The held-out target domain: its test/good and all its defect images of the dataset. */
    TEST,
    /**
     * A few good images of the target object from its train/good (never its test images), that
     * the k-shot methods learn the new object's normal look from; the paper's methods ignore them.
     */
    TARGET_SHOT
}
