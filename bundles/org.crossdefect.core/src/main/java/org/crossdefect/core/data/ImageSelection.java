package org.crossdefect.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.progress.Progress;

/**
 * Which images of an MVTec-layout tree a piece of work uses: one category ({@code C/train}
 * trains, {@code C/test} is predicted) or a leave-one-domain-out split of a dataset (train on the
 * other categories, predict the target's test images).
 *
 * @param root the MVTec-layout root
 * @param category one category, or null
 * @param dataset hole, cut, color or a mapping CSV file, or null
 * @param target with a dataset: the held-out category
 * @param seed seeds the split (which defect images train)
 * @param anomalyTrainFraction fraction of each source folder's defect images that train
 */
public record ImageSelection(Path root, String category, String dataset, String target, long seed,
        double anomalyTrainFraction) {

    /** Decoding for validation uses every core: it runs before the backbone needs them. */
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    /** The images of a selection, from one reading of the tree. */
    public record Selected(List<ImageRecord> train, List<ImageRecord> validation, List<ImageRecord> test,
            boolean crossCategory) {
    }

    public ImageSelection {
        InvalidSettingException.require(root != null, "root", "give the MVTec-layout root (--root)");
        InvalidSettingException.require(category == null || dataset == null, "category",
                "give either a category or a dataset, not both");
        InvalidSettingException.require(target == null || dataset != null, "target", "a target needs a dataset");
        InvalidSettingException.require(anomalyTrainFraction >= 0 && anomalyTrainFraction <= 1,
                "anomaly-train-fraction", "the anomaly train fraction must be in [0, 1], got " + anomalyTrainFraction);
    }

    public static ImageSelection category(Path root, String category) {
        return new ImageSelection(root, category, null, null, 0, DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION);
    }

    public static ImageSelection split(Path root, String dataset, String target, long seed) {
        return new ImageSelection(root, null, dataset, target, seed, DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION);
    }

    /**
     * @throws InvalidSettingException unless this names a category, or a dataset and a target:
     *     what training and prediction need
     */
    public ImageSelection requireTrainAndTest() {
        InvalidSettingException.require(category != null || dataset != null, "category", "give a category C (train "
                + "on C/train, predict C/test) or a dataset D and a target T (leave-one-domain-out)");
        InvalidSettingException.require(dataset == null || target != null, "target", "a dataset needs a target: the "
                + "held-out category to predict");
        return this;
    }

    /** @return every image selected: a category's, a dataset's, or (neither given) the whole tree's */
    public List<ImageRecord> images() throws IOException {
        return images(MvtecTree.open(root));
    }

    private List<ImageRecord> images(MvtecTree tree) {
        if (category != null) {
            return tree.images(category);
        }
        if (dataset != null) {
            return tree.datasetImages(DatasetMappings.resolve(dataset));
        }
        return tree.allImages();
    }

    /** Reads the tree once and returns the training, validation and test images. */
    public Selected select() throws IOException {
        return select(MvtecTree.open(root));
    }

    /**
     * Checks what this selection uses as {@code crossdefect datasets} does: a dataset's mapping
     * and structure, and every image and mask decoded (mask size and values), so every problem
     * is reported at once before any work.
     *
     * @param tree this selection's root, read already
     */
    public ValidationReport validate(MvtecTree tree, int threads, Progress progress) {
        return validate(tree, new TreeValidator(threads), progress);
    }

    private ValidationReport validate(MvtecTree tree, TreeValidator validator, Progress progress) {
        if (dataset != null) {
            return validator.validateDataset(tree, DatasetMappings.resolve(dataset), progress);
        }
        List<ValidationProblem> problems = new java.util.ArrayList<>(category != null ? List.of()
                : tree.structuralProblems());
        problems.addAll(validator.decodeProblems(images(tree), progress));
        return new ValidationReport(problems);
    }

    /**
     * {@link #select()} after {@link #validate}: the images of a train or predict run, known good.
     *
     * @throws InvalidDatasetException listing every problem of the images used
     */
    public Selected selectValidated(Progress progress) throws IOException {
        MvtecTree tree = MvtecTree.open(root);
        requireTrainAndTest();
        requireValid(validate(tree, THREADS, progress));
        return select(tree);
    }

    /**
     * The test images of a predict run, checked as {@link #validate} does, but only they are
     * decoded, and of them only those not {@code alreadyChecked} (e.g. ones whose embeddings
     * are stored, or all of them where the embedding pass checks each image as it decodes it).
     *
     * @throws InvalidDatasetException listing every problem found
     */
    public List<ImageRecord> validatedTestImages(Progress progress,
            java.util.function.Predicate<ImageRecord> alreadyChecked) throws IOException {
        MvtecTree tree = MvtecTree.open(root);
        requireTrainAndTest();
        List<ImageRecord> test = select(tree).test();
        java.util.Set<java.nio.file.Path> used = new java.util.HashSet<>();
        test.forEach(r -> used.add(r.image()));
        requireValid(validate(tree, new TreeValidator(THREADS, r -> used.contains(r.image()) && !alreadyChecked.test(r)),
                progress));
        return test;
    }

    /**
     * {@link #images()} after {@link #validate}.
     *
     * @throws InvalidDatasetException listing every problem of the images used
     */
    public List<ImageRecord> validatedImages(Progress progress) throws IOException {
        MvtecTree tree = MvtecTree.open(root);
        requireValid(validate(tree, THREADS, progress));
        return images(tree);
    }

    /**
     * @return k good images of the object predicted (the target, or the category) from its
     *     {@code train/good}, drawn with the seed; for methods that adapt to it
     */
    public List<ImageRecord> targetShots(int k) throws IOException {
        return targetShots(MvtecTree.open(root), k);
    }

    /** @param tree this selection's root, read already */
    public List<ImageRecord> targetShots(MvtecTree tree, int k) {
        requireTrainAndTest();
        String object = target != null ? target : category;
        return DomainSplitter.targetShots(tree.images(object), object, k, seed);
    }

    private static void requireValid(ValidationReport report) {
        if (!report.isValid()) {
            throw new InvalidDatasetException(report);
        }
    }

    /** @param tree this selection's root, read already (by a caller that validated it) */
    public Selected select(MvtecTree tree) {
        requireTrainAndTest();
        if (category != null) {
            List<ImageRecord> images = tree.images(category);
            return new Selected(images.stream().filter(r -> r.split() == SourceSplit.TRAIN).toList(), List.of(),
                    images.stream().filter(r -> r.split() == SourceSplit.TEST).toList(), false);
        }
        DatasetMapping mapping = DatasetMappings.resolve(dataset);
        DomainSplit split = DomainSplitter.split(mapping.name(), tree.datasetImages(mapping), target, seed,
                anomalyTrainFraction);
        return new Selected(split.train(), split.validation(), split.test(), true);
    }
}
