package org.crossdefect.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.data.BuiltInMappings;
import org.crossdefect.core.data.DatasetMapping;
import org.crossdefect.core.data.DatasetMappings;
import org.crossdefect.core.data.DomainSplit;
import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.InvalidDatasetException;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.data.MappingEntry;
import org.crossdefect.core.data.MvtecTree;
import org.crossdefect.core.data.Role;
import org.crossdefect.core.data.SourceSplit;
import org.crossdefect.core.data.TreeValidator;
import org.crossdefect.core.data.ValidationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crossdefect datasets}: what a tree holds, whether it is sound, and how it splits. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = {"Lists the categories and defect folders of an MVTec-layout tree, or the domains of a "
                + "dataset and its leave-one-domain-out split, and checks every image and mask.",
                "Exits with 1 if the tree has problems; all of them are listed at once."})
final class DatasetsCommand implements Callable<Integer> {

    @Option(names = "--root", required = true, description = "MVTec-layout root: one folder per category.")
    Path root;

    @Option(names = "--dataset", description = "hole, cut, color, or a mapping CSV file "
            + "(category,folder[,defect_type]). Without it, the whole tree is listed.")
    String dataset;

    @Option(names = "--target", description = "Held-out category: prints its split in detail.")
    String target;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--anomaly-train-fraction", defaultValue = "0.5",
            description = "Fraction r of each source folder's defect images used for training "
                    + "(default: ${DEFAULT-VALUE}, as the paper's code).")
    double anomalyTrainFraction;

    @Option(names = "--threads", description = "Images decoded at once (default: number of cores).")
    Integer threads;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        InvalidSettingException.require(target == null || dataset != null, "target", "--target needs --dataset: a "
                + "split is made within a dataset (hole, cut, color or a file)");
        InvalidSettingException.require(anomalyTrainFraction >= 0 && anomalyTrainFraction <= 1,
                "anomaly-train-fraction", "--anomaly-train-fraction must be between 0 and 1, got "
                        + anomalyTrainFraction);
        DatasetMapping mapping = dataset == null ? null : DatasetMappings.resolve(dataset);
        MvtecTree tree = MvtecTree.open(root);
        InvalidSettingException.require(mapping == null || target == null || mapping.categories().contains(target),
                "target", "target '" + target + "' is not a domain of dataset '" + (mapping == null ? "" : mapping.name())
                        + "'; choose one of " + (mapping == null ? "" : mapping.categories()));
        TreeValidator validator = new TreeValidator(threads == null ? Runtime.getRuntime().availableProcessors()
                : threads);
        ValidationReport report;
        try (ConsoleProgress progress = new ConsoleProgress(err)) {
            if (mapping == null) {
                printTree(tree);
                report = validator.validateTree(tree, progress);
            } else {
                report = validator.validateDataset(tree, mapping, progress);
            }
        }
        if (!report.isValid()) {
            throw new InvalidDatasetException(report);
        }
        if (mapping != null) {
            List<ImageRecord> images = tree.datasetImages(mapping);
            printDataset(tree, mapping);
            if (target != null) {
                printSplit(DomainSplitter.split(mapping.name(), images, target, seed, anomalyTrainFraction));
            } else {
                printAllSplits(mapping, images);
            }
        }
        out.println("No problems found.");
        return 0;
    }

    private void printTree(MvtecTree tree) {
        out.printf("MVTec tree %s: %d %s, %d images%n", tree.root(), tree.categories().size(),
                tree.categories().size() == 1 ? "category" : "categories",
                tree.allImages().size());
        TextTable table = new TextTable("category", "split", "folder", "images", "masks");
        for (String category : tree.categories()) {
            for (SourceSplit split : SourceSplit.values()) {
                for (Map.Entry<String, Integer> folder : tree.folderCounts(category, split).entrySet()) {
                    long masks = tree.images(category).stream()
                            .filter(r -> r.split() == split && r.folder().equals(folder.getKey()) && r.mask() != null)
                            .count();
                    table.row(category, split.folderName(), folder.getKey(), folder.getValue(),
                            ImageRecord.GOOD.equals(folder.getKey()) ? "-" : masks);
                }
            }
        }
        table.print(out);
    }

    private void printDataset(MvtecTree tree, DatasetMapping mapping) {
        boolean builtIn = BuiltInMappings.find(mapping.name()).isPresent() && mapping.equals(
                BuiltInMappings.get(mapping.name()));
        out.printf("Dataset %s: %d domains, defect types %s%n", mapping.name(), mapping.categories().size(),
                mapping.defectTypes());
        TextTable table = builtIn
                ? new TextTable("domain", "train/good", "test/good", "defect folder", "type", "images", "paper")
                : new TextTable("domain", "train/good", "test/good", "defect folder", "type", "images");
        for (String category : mapping.categories()) {
            Map<String, Integer> train = tree.folderCounts(category, SourceSplit.TRAIN);
            Map<String, Integer> test = tree.folderCounts(category, SourceSplit.TEST);
            boolean first = true;
            for (MappingEntry e : mapping.entriesOf(category)) {
                Object[] cells = {first ? category : "", first ? train.getOrDefault(ImageRecord.GOOD, 0) : "",
                        first ? test.getOrDefault(ImageRecord.GOOD, 0) : "", e.folder(), e.defectType(),
                        test.getOrDefault(e.folder(), 0)};
                if (builtIn) {
                    int paper = BuiltInMappings.paperFolders(mapping.name()).stream()
                            .filter(f -> f.category().equals(category) && f.folder().equals(e.folder()))
                            .findFirst().orElseThrow().testImages();
                    Object[] withPaper = java.util.Arrays.copyOf(cells, cells.length + 1);
                    withPaper[cells.length] = paper;
                    cells = withPaper;
                }
                table.row(cells);
                first = false;
            }
        }
        table.print(out);
    }

    private void printAllSplits(DatasetMapping mapping, List<ImageRecord> images) {
        out.printf("%nLeave-one-domain-out splits (seed %d, r = %s): images per role (good + defect)%n", seed,
                anomalyTrainFraction);
        TextTable table = new TextTable("target", "train", "validation", "test");
        for (String category : mapping.categories()) {
            DomainSplit split = DomainSplitter.split(mapping.name(), images, category, seed, anomalyTrainFraction);
            table.row(category, counts(split.train()), counts(split.validation()), counts(split.test()));
        }
        table.print(out);
    }

    private void printSplit(DomainSplit split) {
        out.printf("%nSplit of %s for target %s (seed %d, r = %s): images (good + defect)%n", split.dataset(),
                split.target(), split.seed(), split.anomalyTrainFraction());
        TextTable table = new TextTable("category", "train", "validation", "test");
        List<String> categories = split.assignments().stream().map(a -> a.image().category()).distinct().sorted()
                .toList();
        for (String category : categories) {
            table.row(category, counts(ofCategory(split, Role.TRAIN, category)),
                    counts(ofCategory(split, Role.VALIDATION, category)), counts(ofCategory(split, Role.TEST, category)));
        }
        table.row("all", counts(split.train()), counts(split.validation()), counts(split.test()));
        table.print(out);
    }

    private static List<ImageRecord> ofCategory(DomainSplit split, Role role, String category) {
        return split.images(role).stream().filter(r -> r.category().equals(category)).toList();
    }

    private static String counts(List<ImageRecord> images) {
        long good = images.stream().filter(r -> r.label() == Label.GOOD).count();
        return good + " + " + (images.size() - good);
    }
}
