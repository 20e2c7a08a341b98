package org.crossdefect.core.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image of an MVTec-layout tree and what is known about it.
 *
 * @param image path of the image file
 * @param mask path of its ground-truth mask, or null (good images have none)
 * @param category the object or texture kind, which the paper treats as a domain
 * @param folder the MVTec folder below train/ or test/: "good" or a defect folder such as "hole"
 * @param defectType the name of the defect kind: "good" for good images; for defect images the
 *     dataset mapping's name for the folder (e.g. "cut" for tile/crack), else the folder name
 * @param label good or anomalous
 * @param split the MVTec folder the image came from
 * @param region the part of the image (and mask) this record stands for: one tile of a tiled
 *     image ({@link Tiling}); null for the whole image
 */
public record ImageRecord(Path image, Path mask, String category, String folder, String defectType,
        Label label, SourceSplit split, ImageRegion region) {

    /** Name of the folder (and defect type) of good images in the MVTec layout. */
    public static final String GOOD = "good";

    public ImageRecord {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(defectType, "defectType");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(split, "split");
    }

    /** The whole image. */
    public ImageRecord(Path image, Path mask, String category, String folder, String defectType, Label label,
            SourceSplit split) {
        this(image, mask, category, folder, defectType, label, split, null);
    }

    /** @return this record for a part of the image (null: the whole image) */
    public ImageRecord withRegion(ImageRegion part) {
        return new ImageRecord(image, mask, category, folder, defectType, label, split, part);
    }

    /** @return the record of the whole image this one is a part of (itself if it is whole) */
    public ImageRecord whole() {
        return region == null ? this : withRegion(null);
    }

    /** @return this record with another defect-type name */
    public ImageRecord withDefectType(String newDefectType) {
        return new ImageRecord(image, mask, category, folder, newDefectType, label, split, region);
    }
}
