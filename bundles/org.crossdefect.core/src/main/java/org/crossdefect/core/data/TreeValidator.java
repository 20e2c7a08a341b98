package org.crossdefect.core.data;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

import org.crossdefect.core.progress.CancelledException;
import org.crossdefect.core.progress.Progress;

/**
 * Decodes every image and mask of a tree or dataset and reports <em>all</em> problems at once,
 * so a user fixes a broken tree in one pass instead of one error per run.
 */
public final class TreeValidator {

    private final int threads;
    private final java.util.function.Predicate<ImageRecord> decoded;

    /** @param threads how many images to decode at once (at least 1) */
    public TreeValidator(int threads) {
        this(threads, r -> true);
    }

    /**
     * @param decoded which images (with their masks) to decode; the others are checked for
     *     structure only, e.g. images a run does not use, or ones proven decodable already
     */
    public TreeValidator(int threads, java.util.function.Predicate<ImageRecord> decoded) {
        this.threads = Math.max(1, threads);
        this.decoded = decoded;
    }

    /** Validates every image of the tree and its structure. */
    public ValidationReport validateTree(MvtecTree tree, Progress progress) {
        List<ValidationProblem> problems = new ArrayList<>(tree.structuralProblems());
        problems.addAll(decodeProblems(tree.allImages(), progress));
        return new ValidationReport(problems);
    }

    /**
     * Validates what a dataset uses: the mapping against the tree, the structure of the
     * dataset's categories and every image of the dataset.
     */
    public ValidationReport validateDataset(MvtecTree tree, DatasetMapping mapping, Progress progress) {
        return validateDatasets(tree, List.of(mapping), progress);
    }

    /**
     * Validates what several datasets use, each problem once; an image the datasets share
     * (hole, cut and color name the same categories) is decoded once.
     */
    public ValidationReport validateDatasets(MvtecTree tree, List<DatasetMapping> mappings, Progress progress) {
        Set<ValidationProblem> problems = new LinkedHashSet<>();
        Map<Path, ImageRecord> images = new LinkedHashMap<>();
        for (DatasetMapping mapping : mappings) {
            List<ValidationProblem> unmapped = tree.mappingProblems(mapping);
            if (!unmapped.isEmpty()) {
                problems.addAll(unmapped);
                continue;
            }
            try {
                tree.datasetImages(mapping).forEach(r -> images.putIfAbsent(r.image(), r));
            } catch (InvalidDatasetException e) {
                problems.addAll(e.report().problems());
                continue;
            }
            for (ValidationProblem p : tree.structuralProblems()) {
                boolean ofDatasetCategory = mapping.categories().stream()
                        .anyMatch(c -> p.path().startsWith(tree.root().resolve(c)));
                boolean aboutOtherFile = p.kind() == ProblemKind.UNSUPPORTED_FILE
                        && !inDatasetFolder(tree, mapping, p);
                if (ofDatasetCategory && !aboutOtherFile) {
                    problems.add(p);
                }
            }
        }
        problems.addAll(decodeProblems(images.values(), progress));
        return new ValidationReport(new ArrayList<>(problems));
    }

    /** Decodes each image and its mask; checks the mask's size and values. */
    public List<ValidationProblem> decodeProblems(Collection<ImageRecord> all, Progress progress) {
        List<ImageRecord> images = all.stream().filter(decoded).toList();
        AtomicLong done = new AtomicLong();
        long total = images.size();
        progress.update(0, total, "checking images");
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> images.parallelStream()
                    .flatMap(r -> {
                        if (progress.cancelRequested()) {
                            return java.util.stream.Stream.<ValidationProblem>empty();
                        }
                        List<ValidationProblem> found = check(r);
                        long n = done.incrementAndGet();
                        synchronized (progress) {
                            progress.update(n, total, "checking images");
                        }
                        return found.stream();
                    })
                    .toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // e.g. out of memory on one image, which names it
            }
            throw new IllegalStateException("image check failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            progress.checkCancelled();
        }
    }

    private static List<ValidationProblem> check(ImageRecord record) {
        BufferedImage image;
        BufferedImage mask = null;
        try {
            image = ImageFiles.read(record.image());
            if (record.mask() != null) {
                mask = ImageFiles.read(record.mask());
            }
        } catch (ImageReadException e) {
            return List.of(readProblem(e));
        }
        return checkDecoded(record, image, mask);
    }

    /**
     * The checks of an image and its mask once decoded (by whoever decodes them: this validator,
     * or the embedding pass, so an image is decoded once).
     *
     * @param mask the record's mask decoded, or null when it has none
     */
    public static List<ValidationProblem> checkDecoded(ImageRecord record, BufferedImage image, BufferedImage mask) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (mask == null) {
            return problems;
        }
        if (mask.getWidth() != image.getWidth() || mask.getHeight() != image.getHeight()) {
            problems.add(new ValidationProblem(ProblemKind.MASK_SIZE_MISMATCH, record.mask(),
                    "mask is " + mask.getWidth() + "x" + mask.getHeight() + " but its image " + record.image()
                            .getFileName() + " is " + image.getWidth() + "x" + image.getHeight()));
        }
        String nonBinary = ImageFiles.nonBinaryValue(mask);
        if (nonBinary != null) {
            problems.add(new ValidationProblem(ProblemKind.MASK_NOT_BINARY, record.mask(),
                    "mask is not binary: " + nonBinary));
        }
        return problems;
    }

    /** @return the problem an image that cannot be read or decoded is */
    public static ValidationProblem readProblem(ImageReadException e) {
        return new ValidationProblem(e.truncated() ? ProblemKind.TRUNCATED_IMAGE : ProblemKind.UNREADABLE_IMAGE,
                e.path(), e.reason());
    }

    private static boolean inDatasetFolder(MvtecTree tree, DatasetMapping mapping, ValidationProblem p) {
        java.nio.file.Path parent = p.path().getParent();
        String folder = parent.getFileName().toString();
        String category = parent.getParent().getParent().getFileName().toString();
        return ImageRecord.GOOD.equals(folder) || mapping.find(category, folder) != null;
    }
}
