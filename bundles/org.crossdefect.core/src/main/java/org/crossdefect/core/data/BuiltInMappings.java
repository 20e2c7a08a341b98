package org.crossdefect.core.data;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The paper's three datasets (Table 1 of Bühler et al.), with the MVTec AD image counts of the
 * authors' public configuration, so a real MVTec tree (and the paper-shaped synthetic tree) can
 * be checked against them.
 */
public final class BuiltInMappings {

    /** A defect folder of the paper's datasets and its number of MVTec AD test images. */
    public record PaperFolder(String category, String folder, int testImages) {
    }

    /** The MVTec AD good-image counts of a category used by the paper. */
    public record PaperCategory(String name, int trainGoodImages, int testGoodImages) {
    }

    public static final String HOLE = "hole";
    public static final String CUT = "cut";
    public static final String COLOR = "color";

    /** Dataset names in the paper's order of Table 2. */
    public static final List<String> NAMES = List.of(CUT, COLOR, HOLE);

    private static final Map<String, List<PaperFolder>> FOLDERS = Map.of(
            HOLE, List.of(
                    new PaperFolder("cable", "poke_insulation", 10),
                    new PaperFolder("carpet", "hole", 17),
                    new PaperFolder("hazelnut", "hole", 18),
                    new PaperFolder("leather", "poke", 18),
                    new PaperFolder("wood", "hole", 10)),
            CUT, List.of(
                    new PaperFolder("cable", "cut_inner_insulation", 14),
                    new PaperFolder("cable", "cut_outer_insulation", 10),
                    new PaperFolder("carpet", "cut", 17),
                    new PaperFolder("hazelnut", "cut", 17),
                    new PaperFolder("leather", "cut", 19),
                    new PaperFolder("tile", "crack", 17)),
            COLOR, List.of(
                    new PaperFolder("carpet", "color", 19),
                    new PaperFolder("hazelnut", "print", 17),
                    new PaperFolder("leather", "color", 19),
                    new PaperFolder("metal_nut", "color", 22),
                    new PaperFolder("pill", "color", 25),
                    new PaperFolder("tile", "gray_stroke", 16),
                    new PaperFolder("tile", "oil", 18),
                    new PaperFolder("wood", "color", 8)));

    private static final List<PaperCategory> CATEGORIES = List.of(
            new PaperCategory("cable", 224, 58),
            new PaperCategory("carpet", 280, 28),
            new PaperCategory("hazelnut", 391, 40),
            new PaperCategory("leather", 245, 32),
            new PaperCategory("wood", 247, 19),
            new PaperCategory("tile", 230, 33),
            new PaperCategory("metal_nut", 220, 22),
            new PaperCategory("pill", 267, 26));

    private BuiltInMappings() {
    }

    /**
     * @param name "hole", "cut" or "color" (any case)
     * @return the dataset, each folder's defect type being the dataset's name
     */
    public static Optional<DatasetMapping> find(String name) {
        List<PaperFolder> folders = FOLDERS.get(name.toLowerCase(Locale.ROOT));
        if (folders == null) {
            return Optional.empty();
        }
        String key = name.toLowerCase(Locale.ROOT);
        return Optional.of(new DatasetMapping(key, folders.stream()
                .map(f -> new MappingEntry(f.category(), f.folder(), key))
                .toList()));
    }

    /** @return the built-in dataset of that name; the name must be one of {@link #NAMES} */
    public static DatasetMapping get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "no built-in dataset '" + name + "'; built-ins are " + NAMES));
    }

    /** @return the defect folders of a built-in dataset with their MVTec AD test-image counts */
    public static List<PaperFolder> paperFolders(String name) {
        get(name);
        return FOLDERS.get(name.toLowerCase(Locale.ROOT));
    }

    /** @return the categories of the paper's datasets with their MVTec AD good-image counts */
    public static List<PaperCategory> paperCategories() {
        return CATEGORIES;
    }
}
