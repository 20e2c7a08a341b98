package org.crossdefect.core.synth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crossdefect.core.data.BuiltInMappings;
import org.crossdefect.core.data.DatasetMapping;
import org.crossdefect.core.data.MappingEntry;
import org.crossdefect.core.data.BuiltInMappings.PaperCategory;
import org.crossdefect.core.data.BuiltInMappings.PaperFolder;

/**
 * What the synthetic generator writes: the categories, the image side in pixels and the seed.
 * The same spec always gives byte-identical files.
 *
 * @param categories the categories, names distinct
 * @param imageSize the side of every (square) image in pixels, 16..4096
 * @param seed the seed all image randomness derives from
 */
public record SynthSpec(List<CategorySpec> categories, int imageSize, long seed) {

    public static final int DEFAULT_IMAGE_SIZE = 256;
    public static final int DEFAULT_TRAIN_GOOD = 20;
    public static final int DEFAULT_TEST_GOOD = 8;
    public static final int DEFAULT_DEFECTS_PER_KIND = 8;

    /** Styles of the paper's MVTec categories; two nuts share a style and differ by colour. */
    private static final Map<String, SurfaceStyle> PAPER_STYLES = Map.of(
            "carpet", SurfaceStyle.WOVEN_FABRIC,
            "wood", SurfaceStyle.WOOD_GRAIN,
            "tile", SurfaceStyle.TILES,
            "leather", SurfaceStyle.LEATHER,
            "hazelnut", SurfaceStyle.ROUND_OBJECT,
            "metal_nut", SurfaceStyle.ROUND_OBJECT,
            "cable", SurfaceStyle.CABLE,
            "pill", SurfaceStyle.PILL);

    public SynthSpec {
        categories = List.copyOf(categories);
        if (imageSize < 16 || imageSize > 4096) {
            throw new IllegalArgumentException("image size must be 16..4096 pixels: " + imageSize);
        }
        Set<String> seen = new HashSet<>();
        for (CategorySpec c : categories) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("category '" + c.name() + "' appears twice");
            }
        }
    }

    /**
     * Five categories of clearly different looks ({@code fabric}, {@code wood}, {@code tiles},
     * {@code stone}, {@code disc}), each with the defect folders {@code hole}, {@code cut} and
     * {@code color}.
     */
    public static SynthSpec standard(int imageSize, int trainGood, int testGood, int defectsPerKind, long seed) {
        List<DefectFolderSpec> defects = new ArrayList<>();
        for (DefectKind kind : DefectKind.values()) {
            defects.add(new DefectFolderSpec(kind.folderName(), kind, defectsPerKind));
        }
        List<CategorySpec> categories = List.of(
                new CategorySpec("fabric", SurfaceStyle.WOVEN_FABRIC, trainGood, testGood, defects),
                new CategorySpec("wood", SurfaceStyle.WOOD_GRAIN, trainGood, testGood, defects),
                new CategorySpec("tiles", SurfaceStyle.TILES, trainGood, testGood, defects),
                new CategorySpec("stone", SurfaceStyle.SPECKLED_STONE, trainGood, testGood, defects),
                new CategorySpec("disc", SurfaceStyle.ROUND_OBJECT, trainGood, testGood, defects));
        return new SynthSpec(categories, imageSize, seed);
    }

    /** {@link #standard(int, int, int, int, long)} at 256 px, 20 train good, 8 test good, 8 per kind, seed 0. */
    public static SynthSpec standard() {
        return standard(DEFAULT_IMAGE_SIZE, DEFAULT_TRAIN_GOOD, DEFAULT_TEST_GOOD, DEFAULT_DEFECTS_PER_KIND, 0L);
    }

    /**
     * The categories and defect folders of the paper's three datasets with MVTec AD's test-image
     * counts, so a pipeline run on it has the shape of a run on real MVTec AD.
     *
     * @param trainGoodCap the most train good images per category; 0 or less means MVTec's counts
     */
    public static SynthSpec paperShaped(int imageSize, int trainGoodCap, long seed) {
        // Folders grouped by category, in dataset order, so the plan reads like Table 1.
        Map<String, List<DefectFolderSpec>> folders = new LinkedHashMap<>();
        for (String dataset : BuiltInMappings.NAMES) {
            DefectKind kind = kindOfDataset(dataset);
            for (PaperFolder f : BuiltInMappings.paperFolders(dataset)) {
                folders.computeIfAbsent(f.category(), k -> new ArrayList<>())
                        .add(new DefectFolderSpec(f.folder(), kind, f.testImages()));
            }
        }
        List<CategorySpec> categories = new ArrayList<>();
        for (PaperCategory c : BuiltInMappings.paperCategories()) {
            SurfaceStyle style = PAPER_STYLES.get(c.name());
            if (style == null) {
                throw new IllegalStateException("no synthetic style for paper category " + c.name());
            }
            int trainGood = trainGoodCap <= 0 ? c.trainGoodImages() : Math.min(c.trainGoodImages(), trainGoodCap);
            categories.add(new CategorySpec(c.name(), style, trainGood, c.testGoodImages(),
                    folders.getOrDefault(c.name(), List.of())));
        }
        return new SynthSpec(categories, imageSize, seed);
    }

    /**
     * One dataset per defect kind the spec draws (named "hole", "cut", "color"), with every
     * category's folders of that kind, so the tree can be used like the paper's datasets. For
     * {@link #paperShaped} these equal the built-in mappings.
     */
    public List<DatasetMapping> datasetMappings() {
        List<DatasetMapping> mappings = new ArrayList<>();
        for (DefectKind kind : DefectKind.values()) {
            List<MappingEntry> entries = new ArrayList<>();
            for (CategorySpec c : categories) {
                for (DefectFolderSpec d : c.defects()) {
                    if (d.kind() == kind && d.count() > 0) {
                        entries.add(new MappingEntry(c.name(), d.folder(), kind.folderName()));
                    }
                }
            }
            // By category name, as the paper's Table 1; a category's folders keep their order.
            entries.sort(java.util.Comparator.comparing(MappingEntry::category));
            if (!entries.isEmpty()) {
                mappings.add(new DatasetMapping(kind.folderName(), entries));
            }
        }
        return mappings;
    }

    /** @return the number of images (not counting masks) the spec writes */
    public int imageCount() {
        return categories.stream().mapToInt(CategorySpec::imageCount).sum();
    }

    private static DefectKind kindOfDataset(String dataset) {
        return switch (dataset) {
            case BuiltInMappings.HOLE -> DefectKind.HOLE;
            case BuiltInMappings.CUT -> DefectKind.CUT;
            case BuiltInMappings.COLOR -> DefectKind.COLOR;
            default -> throw new IllegalStateException("unknown built-in dataset " + dataset);
        };
    }
}
