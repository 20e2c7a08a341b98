package org.crossdefect.core.synth;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One synthetic category: its look, its good-image counts and its defect folders.
 *
 * @param name the category folder name, e.g. "fabric"
 * @param style the look of every image of the category
 * @param trainGood number of images in {@code train/good}
 * @param testGood number of images in {@code test/good}
 * @param defects the defect folders, names distinct
 */
public record CategorySpec(String name, SurfaceStyle style, int trainGood, int testGood,
        List<DefectFolderSpec> defects) {

    public CategorySpec {
        SpecChecks.requireFolderName(name, "category name");
        Objects.requireNonNull(style, "style");
        SpecChecks.requireCount(trainGood, "train good images of " + name);
        SpecChecks.requireCount(testGood, "test good images of " + name);
        defects = List.copyOf(defects);
        Set<String> seen = new HashSet<>();
        for (DefectFolderSpec d : defects) {
            if (!seen.add(d.folder())) {
                throw new IllegalArgumentException("defect folder '" + d.folder() + "' appears twice in " + name);
            }
        }
    }

    /** @return the number of images (not counting masks) the category writes */
    public int imageCount() {
        return trainGood + testGood + defects.stream().mapToInt(DefectFolderSpec::count).sum();
    }
}
