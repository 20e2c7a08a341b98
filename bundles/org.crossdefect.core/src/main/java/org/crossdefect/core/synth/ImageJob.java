package org.crossdefect.core.synth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One image to write: where it goes in the tree and, for defect images, which defect it gets.
 *
 * @param category the category spec
 * @param split "train" or "test"
 * @param folder "good" or a defect folder name
 * @param defect the defect to paint, or null for a good image
 * @param index the image's number within its folder, from 0
 */
record ImageJob(CategorySpec category, String split, String folder, DefectKind defect, int index) {

    static final String TRAIN = "train";
    static final String TEST = "test";
    static final String GOOD = "good";
    static final String GROUND_TRUTH = "ground_truth";

    /** @return every image of the spec, category by category, folder by folder */
    static List<ImageJob> plan(SynthSpec spec) {
        List<ImageJob> jobs = new ArrayList<>();
        for (CategorySpec c : spec.categories()) {
            for (int i = 0; i < c.trainGood(); i++) {
                jobs.add(new ImageJob(c, TRAIN, GOOD, null, i));
            }
            for (int i = 0; i < c.testGood(); i++) {
                jobs.add(new ImageJob(c, TEST, GOOD, null, i));
            }
            for (DefectFolderSpec d : c.defects()) {
                for (int i = 0; i < d.count(); i++) {
                    jobs.add(new ImageJob(c, TEST, d.folder(), d.kind(), i));
                }
            }
        }
        return jobs;
    }

    /** @return every folder of the tree, including those that will hold no image */
    static List<Path> folders(SynthSpec spec, Path root) {
        List<Path> folders = new ArrayList<>();
        for (CategorySpec c : spec.categories()) {
            Path category = root.resolve(c.name());
            folders.add(category.resolve(TRAIN).resolve(GOOD));
            folders.add(category.resolve(TEST).resolve(GOOD));
            for (DefectFolderSpec d : c.defects()) {
                folders.add(category.resolve(TEST).resolve(d.folder()));
                folders.add(category.resolve(GROUND_TRUTH).resolve(d.folder()));
            }
        }
        return folders;
    }

    /** @return the seed of this image's randomness; depends on nothing but its identity */
    long seed(long specSeed) {
        return StableHash.imageSeed(specSeed, category.name(), split + "/" + folder, index);
    }

    Path imagePath(Path root) {
        return root.resolve(category.name()).resolve(split).resolve(folder).resolve(fileStem() + ".png");
    }

    Path maskPath(Path root) {
        return root.resolve(category.name()).resolve(GROUND_TRUTH).resolve(folder).resolve(fileStem() + "_mask.png");
    }

    /** @return the image's path in the tree, for progress messages */
    String label() {
        return category.name() + "/" + split + "/" + folder + "/" + fileStem() + ".png";
    }

    private String fileStem() {
        return String.format(java.util.Locale.ROOT, "%03d", index);
    }
}
