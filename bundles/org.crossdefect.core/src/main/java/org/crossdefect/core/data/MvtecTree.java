package org.crossdefect.core.data;

import org.crossdefect.core.error.InvalidSettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The file structure of an MVTec AD-layout tree, read without decoding any image:
 * {@code <root>/<category>/train/good}, {@code <category>/test/<folder>} and
 * {@code <category>/ground_truth/<folder>/<name>_mask.png}.
 *
 * <p>Problems visible from the structure alone (an empty category, a defect image without mask,
 * a file that is no image) are collected in {@link #structuralProblems()}; {@link TreeValidator}
 * adds what needs decoding.
 */
public final class MvtecTree {

    public static final String TRAIN = "train";
    public static final String TEST = "test";
    public static final String GROUND_TRUTH = "ground_truth";
    public static final String MASK_SUFFIX = "_mask";

    private final Path root;
    private final Map<String, List<ImageRecord>> imagesByCategory;
    private final List<ValidationProblem> structuralProblems;

    private MvtecTree(Path root, Map<String, List<ImageRecord>> imagesByCategory,
            List<ValidationProblem> structuralProblems) {
        this.root = root;
        this.imagesByCategory = imagesByCategory;
        this.structuralProblems = List.copyOf(structuralProblems);
    }

    /**
     * Reads the structure of a tree. Every sub-folder of the root (except hidden ones) is a
     * category.
     *
     * @throws InvalidDatasetException if the root is not a folder
     */
    public static MvtecTree open(Path root) throws IOException, InvalidDatasetException {
        if (!Files.isDirectory(root)) {
            String what = Files.exists(root) ? "is a file, not a folder" : "no such folder";
            throw new InvalidDatasetException(new ValidationReport(List.of(new ValidationProblem(
                    ProblemKind.NOT_A_FOLDER, root, what))));
        }
        // A category folder given as the root would make train/, test/ and ground_truth/ look like
        // empty categories, and the advice for those ("remove the folder") would destroy data.
        if (Files.isDirectory(root.resolve(TRAIN)) && Files.isDirectory(root.resolve(TEST))) {
            Path above = root.toAbsolutePath().normalize().getParent();
            throw new InvalidDatasetException(new ValidationReport(List.of(new ValidationProblem(
                    ProblemKind.ROOT_IS_A_CATEGORY, root, "holds train/ and test/ (the root above it is " + above
                            + ")"))));
        }
        Map<String, List<ImageRecord>> byCategory = new TreeMap<>();
        List<ValidationProblem> problems = new ArrayList<>();
        for (Path categoryDir : sortedChildren(root, true)) {
            String category = categoryDir.getFileName().toString();
            List<ImageRecord> images = new ArrayList<>();
            readSplit(categoryDir, category, SourceSplit.TRAIN, images, problems);
            readSplit(categoryDir, category, SourceSplit.TEST, images, problems);
            if (images.isEmpty()) {
                problems.add(new ValidationProblem(ProblemKind.EMPTY_CATEGORY, categoryDir,
                        "category '" + category + "' has no images in train/ or test/"));
            }
            byCategory.put(category, List.copyOf(images));
        }
        if (byCategory.isEmpty()) {
            problems.add(new ValidationProblem(ProblemKind.EMPTY_ROOT, root, "no category folder"));
        }
        return new MvtecTree(root, Collections.unmodifiableMap(byCategory), problems);
    }

    /** @return the folder the tree was read from */
    public Path root() {
        return root;
    }

    /** @return the category names, sorted */
    public List<String> categories() {
        return List.copyOf(imagesByCategory.keySet());
    }

    /** @return whether the tree has a category folder of that name */
    public boolean hasCategory(String category) {
        return imagesByCategory.containsKey(category);
    }

    /** @return every image of a category (train first, then test; folders and files sorted) */
    public List<ImageRecord> images(String category) {
        List<ImageRecord> images = imagesByCategory.get(category);
        if (images == null) {
            throw new InvalidSettingException("category", "no category '" + category + "' in " + root
                    + "; categories are " + categories());
        }
        return images;
    }

    /** @return every image of the tree */
    public List<ImageRecord> allImages() {
        return imagesByCategory.values().stream().flatMap(List::stream).toList();
    }

    /** @return the folders below {@code <category>/<split>} that hold images, with image counts */
    public Map<String, Integer> folderCounts(String category, SourceSplit split) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ImageRecord r : images(category)) {
            if (r.split() == split) {
                counts.merge(r.folder(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** @return problems seen in the structure, without decoding images */
    public List<ValidationProblem> structuralProblems() {
        return structuralProblems;
    }

    /**
     * The images of a cross-category dataset: good images (train and test) of every category the
     * mapping names, plus the defect images of the mapped folders, each with the mapping's
     * defect-type name. Other defect folders are left out.
     *
     * @throws InvalidDatasetException listing every category or folder the mapping names that
     *     the tree lacks
     */
    public List<ImageRecord> datasetImages(DatasetMapping mapping) throws InvalidDatasetException {
        List<ValidationProblem> problems = mappingProblems(mapping);
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(new ValidationReport(problems));
        }
        List<ImageRecord> selected = new ArrayList<>();
        for (String category : mapping.categories()) {
            for (ImageRecord r : images(category)) {
                if (r.label() == Label.GOOD) {
                    selected.add(r);
                } else {
                    MappingEntry entry = mapping.find(category, r.folder());
                    if (entry != null && r.split() == SourceSplit.TEST) {
                        selected.add(r.withDefectType(entry.defectType()));
                    }
                }
            }
        }
        return selected;
    }

    /** @return a problem for each category or defect folder of the mapping the tree lacks */
    public List<ValidationProblem> mappingProblems(DatasetMapping mapping) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (String category : mapping.categories()) {
            if (!hasCategory(category)) {
                problems.add(new ValidationProblem(ProblemKind.MISSING_CATEGORY, root.resolve(category),
                        "dataset '" + mapping.name() + "' names category '" + category + "', which " + root
                                + " lacks (categories there: " + categories() + ")"));
                continue;
            }
            Map<String, Integer> testFolders = folderCounts(category, SourceSplit.TEST);
            for (MappingEntry e : mapping.entriesOf(category)) {
                if (!testFolders.containsKey(e.folder())) {
                    problems.add(new ValidationProblem(ProblemKind.MISSING_DEFECT_FOLDER,
                            root.resolve(category).resolve(TEST).resolve(e.folder()),
                            "dataset '" + mapping.name() + "' names defect folder '" + e.folder()
                                    + "', which is absent or holds no images (folders there: "
                                    + testFolders.keySet() + ")"));
                }
            }
        }
        return problems;
    }

    private static void readSplit(Path categoryDir, String category, SourceSplit split, List<ImageRecord> out,
            List<ValidationProblem> problems) throws IOException {
        Path splitDir = categoryDir.resolve(split.folderName());
        if (!Files.isDirectory(splitDir)) {
            return;
        }
        for (Path folderDir : sortedChildren(splitDir, true)) {
            String folder = folderDir.getFileName().toString();
            Label label = ImageRecord.GOOD.equals(folder) ? Label.GOOD : Label.ANOMALOUS;
            Path maskDir = categoryDir.resolve(GROUND_TRUTH).resolve(folder);
            for (Path file : sortedChildren(folderDir, false)) {
                if (!ImageFiles.isImageFile(file)) {
                    problems.add(new ValidationProblem(ProblemKind.UNSUPPORTED_FILE, file,
                            "not an image file (accepted: " + ImageFiles.EXTENSIONS + ")"));
                    continue;
                }
                // A defect image without a mask is fine to test on (image metrics; the pixel metrics
                // leave it out): inspectors often know an image is bad without drawing the defect.
                // Training on it is refused where a method needs masks (TrainingNeeds).
                Path mask = label == Label.ANOMALOUS ? findMask(maskDir, ImageFiles.stem(file)) : null;
                out.add(new ImageRecord(file, mask, category, folder, folder, label, split));
            }
        }
    }

    private static Path findMask(Path maskDir, String stem) {
        Path png = maskDir.resolve(stem + MASK_SUFFIX + ".png");
        if (Files.isRegularFile(png)) {
            return png;
        }
        for (String ext : ImageFiles.EXTENSIONS) {
            Path candidate = maskDir.resolve(stem + MASK_SUFFIX + "." + ext);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Sorted children, skipping hidden entries and OS clutter such as Thumbs.db. */
    private static List<Path> sortedChildren(Path dir, boolean folders) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("Thumbs.db"))
                    .filter(p -> folders == Files.isDirectory(p))
                    .sorted()
                    .toList();
        }
    }
}
