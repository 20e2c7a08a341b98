package org.crossdefect.core.semlp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchLabelRule;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.error.UnsuitableDataException;
import org.crossdefect.core.progress.Progress;

/**
 * The paper code's patch labels ({@link PatchLabelRule}): every patch of a good image (no mask) is good (class 0); in a
 * defect image the patches whose mask fraction is at least the threshold are anomalous (class 1,
 * or with a type head the index of the image's defect type) and its other patches are dropped
 * (label -1), since a defect image's clean-looking patches near a defect are neither clearly good
 * nor clearly anomalous.
 */
public final class PatchLabels {

    /** Label of a dropped patch. */
    public static final int DROPPED = -1;
    /** Class index and name of good patches. */
    public static final int GOOD = 0;
    public static final String GOOD_TYPE = "good";
    private static final int UNKNOWN_TYPE = -2;

    private final PatchLabelRule rule;
    /** Per image of the source: its class if anomalous, or null for binary labels. */
    private final int[] imageClass;
    private final List<String> classes;

    private PatchLabels(PatchLabelRule rule, int[] imageClass, List<String> classes) {
        this.rule = rule;
        this.imageClass = imageClass;
        this.classes = List.copyOf(classes);
    }

    /** Binary labels: good (0) and anomalous (1). */
    public static PatchLabels binary(PatchLabelRule rule) {
        return new PatchLabels(rule, null, List.of(GOOD_TYPE, "anomalous"));
    }

    /**
     * Type labels: classes "good" + the distinct defect types of the images (sorted).
     *
     * @param defectTypes per image of the source, in order: "good" for good images, else the
     *     image's defect type
     */
    public static PatchLabels typed(PatchLabelRule rule, List<String> defectTypes) {
        TreeSet<String> types = new TreeSet<>();
        for (String t : defectTypes) {
            if (t == null) {
                throw new IllegalArgumentException("a training image has no defect type; give \"good\" for good images");
            }
            if (!t.equals(GOOD_TYPE)) {
                types.add(t);
            }
        }
        List<String> classes = new ArrayList<>();
        classes.add(GOOD_TYPE);
        classes.addAll(types);
        int[] imageClass = new int[defectTypes.size()];
        for (int i = 0; i < imageClass.length; i++) {
            imageClass[i] = classes.indexOf(defectTypes.get(i));
        }
        return new PatchLabels(rule, imageClass, classes);
    }

    /**
     * Type labels over given classes (validation): an image of a type outside them contributes
     * no patch.
     */
    public static PatchLabels typed(PatchLabelRule rule, List<String> defectTypes, List<String> classes) {
        int[] imageClass = new int[defectTypes.size()];
        for (int i = 0; i < imageClass.length; i++) {
            imageClass[i] = classes.indexOf(defectTypes.get(i));
            if (imageClass[i] < 0) {
                imageClass[i] = UNKNOWN_TYPE;
            }
        }
        return new PatchLabels(rule, imageClass, classes);
    }

    /** @return class names, "good" first; binary labels have two */
    public List<String> classes() {
        return classes;
    }

    public boolean typed() {
        return imageClass != null;
    }

    /**
     * Writes the labels of image {@code i}'s patches.
     *
     * @throws UnsuitableDataException if a typed image's type disagrees with its mask
     */
    public void label(int i, PatchEmbeddings e, int[] out) {
        int anomalousClass = imageClass == null ? 1 : imageClass[i];
        if (anomalousClass == UNKNOWN_TYPE) {
            java.util.Arrays.fill(out, 0, e.patches(), DROPPED);
            return;
        }
        if (imageClass != null && (e.maskFractions() == null) != (anomalousClass == GOOD)) {
            throw new UnsuitableDataException("training image " + i + " (" + e.key() + ") is of type '"
                    + classes.get(anomalousClass) + "' but " + (e.maskFractions() == null ? "has no mask" : "has a mask")
                    + "; defect images need masks, good images none");
        }
        for (int p = 0; p < e.patches(); p++) {
            if (e.maskFractions() == null) {
                out[p] = GOOD;
            } else {
                out[p] = rule.anomalous(e, p) ? anomalousClass : DROPPED;
            }
        }
    }

    /**
     * Counts the kept patches of each class (one pass over the source).
     *
     * @throws UnsuitableDataException if there is no good patch or no anomalous patch, naming
     *     the counts and what to add
     */
    public long[] count(PatchSource source, Progress progress) throws IOException {
        if (imageClass != null && imageClass.length != source.images()) {
            throw new IllegalArgumentException(imageClass.length + " defect types for " + source.images()
                    + " training images; give one per image, in the source's order");
        }
        long[] counts = new long[classes.size()];
        int[] labels = new int[source.patches()];
        int goodImages = 0;
        int defectImages = 0;
        long dropped = 0;
        for (int i = 0; i < source.images(); i++) {
            progress.checkCancelled();
            PatchEmbeddings e = source.image(i);
            label(i, e, labels);
            if (e.maskFractions() == null) {
                goodImages++;
            } else {
                defectImages++;
            }
            for (int l : labels) {
                if (l == DROPPED) {
                    dropped++;
                } else {
                    counts[l]++;
                }
            }
            progress.update(i + 1, source.images(), "counting training patches");
        }
        long anomalous = 0;
        for (int c = 1; c < counts.length; c++) {
            anomalous += counts[c];
        }
        if (counts[GOOD] == 0 || anomalous == 0) {
            throw new UnsuitableDataException(
                    "SEMLP needs good and anomalous training patches, but the " + source.images()
                    + " training images (" + goodImages + " good, " + defectImages + " with defect masks) give "
                    + counts[GOOD] + " good and " + anomalous + " anomalous patches (mask fraction >= " + rule.threshold()
                    + "; " + dropped + " dropped). "
                    + (counts[GOOD] == 0 ? "Add good images to the training split."
                            : "Add defect images with masks whose defects cover at least " + rule.threshold()
                                    + " of a patch (or lower the patch threshold)."));
        }
        return counts;
    }
}
