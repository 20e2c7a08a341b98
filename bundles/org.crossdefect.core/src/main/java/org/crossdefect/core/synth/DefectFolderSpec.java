package org.crossdefect.core.synth;

import java.util.Objects;

/**
 * One defect folder of a synthetic category: {@code <category>/test/<folder>} with {@code count}
 * images and their masks in {@code <category>/ground_truth/<folder>}.
 *
 * @param folder the folder name, e.g. "hole" or "poke_insulation"
 * @param kind the defect painted into every image of the folder
 * @param count the number of images, zero or more
 */
public record DefectFolderSpec(String folder, DefectKind kind, int count) {

    public DefectFolderSpec {
        SpecChecks.requireFolderName(folder, "defect folder");
        Objects.requireNonNull(kind, "kind");
        if ("good".equals(folder)) {
            throw new IllegalArgumentException("'good' is reserved for defect-free images");
        }
        SpecChecks.requireCount(count, "images in defect folder " + folder);
    }
}
