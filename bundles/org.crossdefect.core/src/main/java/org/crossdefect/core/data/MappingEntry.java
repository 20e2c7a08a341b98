package org.crossdefect.core.data;

import java.util.Objects;

/**
 * One defect folder of one category that belongs to a dataset.
 *
 * @param category the category folder below the MVTec root, e.g. "tile"
 * @param folder the defect folder below {@code <category>/test}, e.g. "crack"
 * @param defectType the name of the defect kind the folder shows, e.g. "cut"
 */
public record MappingEntry(String category, String folder, String defectType) {

    public MappingEntry {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(defectType, "defectType");
        if (ImageRecord.GOOD.equals(folder)) {
            throw new IllegalArgumentException("'good' is not a defect folder (category " + category
                    + "); good images of every category in a dataset are always included");
        }
    }
}
