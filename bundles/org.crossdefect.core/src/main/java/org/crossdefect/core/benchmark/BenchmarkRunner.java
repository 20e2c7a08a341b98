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
import org.crossdefect.core.data.Label;
import org.crossdefect.core.error.CrossDefectException;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.model.Method;
import org.crossdefect.core.progress.CancelledException;
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

    /**
     * The datasets of a benchmark, checked against the tree before any work.
     *
     * @param runs the runs that will be trained (not applicable ones excluded)
     * @param notApplicable targets that cannot be tested (they stay sources) and (target,
     *     method) pairs whose training split cannot train the method, with the reason
     */
    public record Plan(MvtecTree tree, List<DatasetMapping> datasets, int runs, List<NotRun> notApplicable) {

        boolean skips(String dataset, String target, String method) {
            return notApplicable.stream().anyMatch(n -> n.dataset().equals(dataset) && n.target().equals(target)
                    && (n.method().equals(NotRun.ALL) || n.method().equals(method)));
        }
    }

    /** The runs a benchmark produced, and those that started and failed (the others are kept). */
    public record Outcome(List<RunResult> runs, List<NotRun> failed) {
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
        List<NotRun> notApplicable = new ArrayList<>();
        int runs = 0;
        for (DatasetMapping mapping : datasets) {
            List<ImageRecord> images = tree.datasetImages(mapping);
            for (String target : targets(mapping, settings)) {
                // Which images exist does not depend on the seed (it only draws which defects train).
                DomainSplit split = DomainSplitter.split(mapping.name(), images, target, 0,
                        settings.anomalyTrainFraction());
                String untestable = untestable(split);
                if (untestable != null) {
                    notApplicable.add(new NotRun(mapping.name(), target, NotRun.ALL, -1, false, untestable));
                    continue;
                }
                for (String method : settings.methods()) {
                    Method<?> m = methods.get(method);
                    List<ImageRecord> shots = DomainSplitter.targetShots(images, target,
                            methods.targetShots(method, settings.parameters()), 0);
                    String unmet = m.needs().unmetBy(split.train(), shots, m.title());
                    if (unmet != null) {
                        notApplicable.add(new NotRun(mapping.name(), target, method, -1, false, unmet));
                    } else {
                        runs += settings.seeds();
                    }
                }
            }
        }
        return new Plan(tree, datasets, runs, List.copyOf(notApplicable));
    }

    /** @return why a target's test images cannot give an image AUROC, or null if they can */
    private static String untestable(DomainSplit split) {
        long good = split.test().stream().filter(r -> r.label() == Label.GOOD).count();
        long defects = split.test().size() - good;
        if (good > 0 && defects > 0) {
            return null;
        }
        return "the target has " + good + " good and " + defects + " defect test images; testing needs both (it "
                + "serves as a source category only)";
    }

    /**
     * Decodes every image and mask of the plan's datasets, as {@code crossdefect datasets}
     * does, so a broken image is reported with all others before hours of training, not after.
     *
     * @throws InvalidDatasetException listing every problem
     */
    public static void validateImages(Plan plan, Progress progress) {
        ValidationReport report = new TreeValidator(Runtime.getRuntime().availableProcessors())
                .validateDatasets(plan.tree(), plan.datasets(), progress);
        if (!report.isValid()) {
            throw new InvalidDatasetException(report);
        }
    }

    /**
     * @param extractor embeds images into the shared store (its backbone is the benchmark's)
     * @param progress told per run; asked to stop between runs and batches
     */
    public static Outcome run(BenchmarkSettings settings, Plan plan, MethodRegistry methods,
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
        List<NotRun> failed = new ArrayList<>();
        int done = 0;
        for (DatasetMapping mapping : plan.datasets()) {
            for (String target : targets(mapping, settings)) {
                for (long seed = 0; seed < settings.seeds(); seed++) {
                    DomainSplit split = DomainSplitter.split(mapping.name(), imagesByDataset.get(mapping.name()),
                            target, seed, settings.anomalyTrainFraction());
                    for (String method : settings.methods()) {
                        if (plan.skips(mapping.name(), target, method)) {
                            continue;
                        }
                        progress.checkCancelled();
                        String run = mapping.name() + "/" + target + " " + method + " seed " + seed;
                        try {
                            List<ImageRecord> shots = DomainSplitter.targetShots(imagesByDataset.get(mapping.name()),
                                    target, methods.targetShots(method, settings.parameters()), seed);
                            results.add(runOne(settings, split, shots, method, seed, methods, workspace));
                        } catch (CancelledException e) {
                            throw e;
                        } catch (CrossDefectException e) {
                            if (e.kind() == CrossDefectException.Kind.ENVIRONMENT) {
                                throw e; // a full disk or heap fails every later run too
                            }
                            failed.add(failure(mapping, target, method, seed, e, progress, run));
                        } catch (IOException | RuntimeException e) {
                            failed.add(failure(mapping, target, method, seed, e, progress, run));
                        }
                        done++;
                        progress.update(done, plan.runs(), run);
                    }
                }
            }
        }
        return new Outcome(results, failed);
    }

    /** One run's failure: said now, listed with the results; the other runs go on. */
    private static NotRun failure(DatasetMapping mapping, String target, String method, long seed, Exception e,
            Progress progress, String run) {
        String reason = e instanceof CrossDefectException || e instanceof IOException ? e.getMessage()
                : e.toString();
        progress.warn(run + " failed (the other runs go on): " + reason);
        return new NotRun(mapping.name(), target, method, seed, true, reason);
    }

    private static List<String> targets(DatasetMapping mapping, BenchmarkSettings settings) {
        return mapping.categories().stream()
                .filter(c -> settings.targets().isEmpty() || settings.targets().contains(c)).toList();
    }

    private static RunResult runOne(BenchmarkSettings settings, DomainSplit split, List<ImageRecord> shots,
            String method, long seed, MethodRegistry methods, Workspace workspace) throws IOException {
        TrainingData data = workspace.trainingData(split.train(), split.validation(), seed, true, shots,
                workspace.tilingFor(methods.get(method)));
        long start = System.nanoTime();
        try (AnomalyModel model = methods.fit(method, settings.parameters(), data, workspace.backbone().device(),
                Progress.NONE)) {
            long trained = System.nanoTime();
            List<Prediction> test = workspace.predict(model, split.test(), Progress.NONE);
            List<Prediction> validation = workspace.predict(model, split.validation(), Progress.NONE);
            long predicted = System.nanoTime();
            return new RunResult(split.dataset(), split.target(), method, seed, test, validation,
                    (trained - start) / 1e9, (predicted - trained) / 1e9, model.goodOnlyThreshold(),
                    model.decisionBand(), workspace.mapsCover(model.info()));
        }
    }
}
