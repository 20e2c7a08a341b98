package org.crossdefect.core.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crossdefect.core.data.DatasetMapping;
import org.crossdefect.core.data.DatasetMappings;
import org.crossdefect.core.data.DomainSplit;
import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.InvalidDatasetException;
import org.crossdefect.core.data.MvtecTree;
import org.crossdefect.core.data.TreeValidator;
import org.crossdefect.core.data.ValidationProblem;
import org.crossdefect.core.data.ValidationReport;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.workspace.MethodRegistry;
import org.crossdefect.core.workspace.Workspace;

/**
 * Runs the paper's protocol (Section 4.1): for every dataset, every category in turn is the
 * unseen target; each method trains on the other categories and predicts the target's test
 * images, once per seed. Every image is embedded once (through the embedding store) and reused
 * by all methods, targets and seeds.
 */
public final class BenchmarkRunner {

    /** The datasets of a benchmark, checked against the tree before any work. */
    public record Plan(MvtecTree tree, List<DatasetMapping> datasets, int runs) {
    }

    private BenchmarkRunner() {
    }

    /**
     * Checks everything that can be checked before work starts: the methods and their settings,
     * the tree, the datasets (every category and folder present), the targets.
     *
     * @throws InvalidSettingException for an unknown method, target or a bad setting
     * @throws InvalidDatasetException listing every missing category or folder
     * @throws MappingFileException for a malformed or missing mapping file
     */
    public static Plan plan(BenchmarkSettings settings, MethodRegistry methods) throws IOException {
        methods.check(settings.methods(), settings.parameters());
        MvtecTree tree = MvtecTree.open(settings.root());
        List<DatasetMapping> datasets = new ArrayList<>();
        List<ValidationProblem> problems = new ArrayList<>();
        for (String spec : settings.datasets()) {
            DatasetMapping mapping = DatasetMappings.resolve(spec);
            problems.addAll(tree.mappingProblems(mapping));
            if (mapping.categories().size() < 2) {
                throw new InvalidSettingException("dataset",
                        "dataset '" + mapping.name() + "' has one category; leaving one "
                        + "out needs at least two");
            }
            datasets.add(mapping);
        }
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(new ValidationReport(problems));
        }
        for (String target : settings.targets()) {
            if (datasets.stream().noneMatch(d -> d.categories().contains(target))) {
                throw new InvalidSettingException("targets",
                        "target '" + target + "' is not a domain of any dataset; domains are "
                        + datasets.stream().flatMap(d -> d.categories().stream()).distinct().toList());
            }
        }
        int targets = datasets.stream().mapToInt(d -> targets(d, settings).size()).sum();
        return new Plan(tree, datasets, targets * settings.methods().size() * settings.seeds());
    }

    /**
     * Decodes every image and mask of the plan's datasets, as {@code crossdefect datasets}
     * does, so a broken image is reported with all others before hours of training, not after.
     *
     * @throws InvalidDatasetException listing every problem
     */
    public static void validateImages(Plan plan, Progress progress) {
        List<ValidationProblem> problems = new ArrayList<>();
        TreeValidator validator = new TreeValidator(Runtime.getRuntime().availableProcessors());
        for (DatasetMapping mapping : plan.datasets()) {
            for (ValidationProblem p : validator.validateDataset(plan.tree(), mapping, progress).problems()) {
                if (!problems.contains(p)) {
                    problems.add(p);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(new ValidationReport(problems));
        }
    }

    /**
     * @param extractor embeds images into the shared store (its backbone is the benchmark's)
     * @param progress told per run; asked to stop between runs and batches
     */
    public static List<RunResult> run(BenchmarkSettings settings, Plan plan, MethodRegistry methods,
            Workspace workspace, Progress progress) throws IOException {
        Map<String, List<ImageRecord>> imagesByDataset = new LinkedHashMap<>();
        Set<ImageRecord> all = new LinkedHashSet<>();
        for (DatasetMapping mapping : plan.datasets()) {
            List<ImageRecord> images = plan.tree().datasetImages(mapping);
            imagesByDataset.put(mapping.name(), images);
            // Embedding is keyed by content: the same image in two datasets is embedded once.
            all.addAll(images.stream().map(r -> r.withDefectType(r.folder())).toList());
        }
        workspace.extractor().embed(new ArrayList<>(all), progress);
        List<RunResult> results = new ArrayList<>();
        int done = 0;
        for (DatasetMapping mapping : plan.datasets()) {
            for (String target : targets(mapping, settings)) {
                for (long seed = 0; seed < settings.seeds(); seed++) {
                    DomainSplit split = DomainSplitter.split(mapping.name(), imagesByDataset.get(mapping.name()),
                            target, seed, settings.anomalyTrainFraction());
                    for (String method : settings.methods()) {
                        progress.checkCancelled();
                        results.add(runOne(settings, split, method, seed, methods, workspace));
                        done++;
                        progress.update(done, plan.runs(), mapping.name() + "/" + target + " " + method + " seed "
                                + seed);
                    }
                }
            }
        }
        return results;
    }

    private static List<String> targets(DatasetMapping mapping, BenchmarkSettings settings) {
        return mapping.categories().stream()
                .filter(c -> settings.targets().isEmpty() || settings.targets().contains(c)).toList();
    }

    private static RunResult runOne(BenchmarkSettings settings, DomainSplit split, String method, long seed,
            MethodRegistry methods, Workspace workspace) throws IOException {
        TrainingData data = new TrainingData(split.train(), split.validation(), seed, true, workspace.extractor());
        long start = System.nanoTime();
        try (AnomalyModel model = methods.fit(method, settings.parameters(), data, workspace.backbone().device(),
                Progress.NONE)) {
            long trained = System.nanoTime();
            List<Prediction> test = workspace.predict(model, split.test(), Progress.NONE);
            List<Prediction> validation = workspace.predict(model, split.validation(), Progress.NONE);
            long predicted = System.nanoTime();
            return new RunResult(split.dataset(), split.target(), method, seed, test, validation,
                    (trained - start) / 1e9, (predicted - trained) / 1e9);
        }
    }
}
