package org.crossdefect.core.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.crossdefect.core.error.OutputExistsException;
import org.crossdefect.core.eval.Evaluation;
import org.crossdefect.core.eval.ResultTable;
import org.crossdefect.core.files.AtomicFiles;
import org.crossdefect.core.patchcore.PatchCoreSettings;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.workspace.MethodRegistry;
import org.crossdefect.core.workspace.Workspace;

/**
 * The benchmark use case: plan (every check before work), embed every image once, run every
 * (dataset, target, seed, method), evaluate, and optionally write the run folder atomically.
 */
public final class Benchmark {

    /**
     * @param store the embedding store's root folder
     * @param batch images per forward pass
     * @param runFolder where to write the run folder, or null for none (a KNIME node takes the tables)
     * @param overwrite whether an existing run folder may be replaced
     */
    public record Job(BenchmarkSettings settings, Path store, int batch, Path runFolder, boolean overwrite) {
        public Job {
            org.crossdefect.core.error.InvalidSettingException.require(batch >= 1, "batch",
                    "images per forward pass (--batch) must be at least 1, got " + batch);
        }
    }

    /**
     * @param metrics one per run, in run order
     * @param tables the summary tables (image AUROC first)
     * @param forwardImages images sent through the backbone now (0 when the store had them all)
     */
    public record Result(BenchmarkRunner.Plan plan, List<RunMetrics> metrics, List<ResultTable> tables,
            Properties manifest, long forwardImages, double seconds, List<NotRun> notRun) {

        /** @return the runs that started and failed (the others are in the results) */
        public List<NotRun> failed() {
            return notRun.stream().filter(NotRun::failed).toList();
        }
    }

    private Benchmark() {
    }

    /**
     * @throws org.crossdefect.core.error.InvalidSettingException for a bad setting, before any work
     * @throws OutputExistsException for an existing run folder without overwrite (checked before
     *     any work and again when the folder is moved into place)
     */
    public static Result run(Job job, MethodRegistry methods, Progress progress) throws IOException {
        BenchmarkSettings settings = job.settings();
        requireFreeRunFolder(job);
        long start = System.nanoTime();
        BenchmarkRunner.Plan plan = BenchmarkRunner.plan(settings, methods);
        plan.notApplicable().forEach(n -> progress.warn(n.describe()));
        if (plan.runs() == 0) {
            throw new org.crossdefect.core.error.UnsuitableDataException("no run of this benchmark can train and "
                    + "test: " + plan.notApplicable().stream().map(NotRun::describe).toList());
        }
        BenchmarkRunner.validateImages(plan, progress);
        try (Workspace workspace = Workspace.open(settings.backbone(), job.store(), job.batch())) {
            BenchmarkRunner.Outcome outcome = BenchmarkRunner.run(settings, plan, methods, workspace, progress);
            List<RunResult> runs = outcome.runs();
            List<NotRun> notRun = new ArrayList<>(plan.notApplicable());
            notRun.addAll(outcome.failed());
            List<RunMetrics> metrics = new ArrayList<>();
            java.util.Set<String> said = new java.util.HashSet<>();
            for (RunResult run : runs) {
                progress.checkCancelled();
                Evaluation evaluation = Evaluation.of(run.test(), run.validation(), run.mapsCover(),
                        settings.targetGoodForThreshold(), run.goodOnlyThreshold());
                metrics.add(new RunMetrics(run, evaluation));
                String target = run.dataset() + "/" + run.target();
                if (evaluation.pixelNote() != null && said.add(target)) {
                    progress.warn(target + ": " + evaluation.pixelNote());
                }
                progress.update(metrics.size(), runs.size(), "evaluating");
            }
            long forward = workspace.extractor().forwardImages();
            Properties manifest = manifest(settings, methods, workspace, runs.size(), start);
            if (job.runFolder() != null) {
                AtomicFiles.writeFolder(job.runFolder(), job.overwrite(), folder -> BenchmarkReport.write(folder,
                        metrics, notRun, manifest, progress));
            }
            return new Result(plan, metrics, BenchmarkReport.tables(metrics), manifest, forward,
                    (System.nanoTime() - start) / 1e9, List.copyOf(notRun));
        }
    }

    private static void requireFreeRunFolder(Job job) {
        if (job.runFolder() != null && Files.exists(job.runFolder()) && !job.overwrite()) {
            throw runFolderExists(job.runFolder());
        }
    }

    private static OutputExistsException runFolderExists(Path folder) {
        return new OutputExistsException(folder);
    }

    private static Properties manifest(BenchmarkSettings s, MethodRegistry methods, Workspace workspace, int runs,
            long start) {
        PatchCoreSettings coreset = PatchCoreSettings.from(s.parameters());
        Properties p = new Properties();
        p.setProperty("crossdefect.version", "0.1.0");
        p.setProperty("created", Instant.now().toString());
        p.setProperty("root", s.root().toAbsolutePath().toString());
        p.setProperty("datasets", String.join(",", s.datasets()));
        p.setProperty("methods", String.join(",", s.methods()));
        // Every method setting given (the rest are the defaults `crossdefect methods` lists).
        s.parameters().asMap().forEach((key, value) -> p.setProperty("setting." + key, value));
        p.setProperty("seeds", Integer.toString(s.seeds()));
        p.setProperty("backbone.id", workspace.backbone().id());
        p.setProperty("device", workspace.backbone().device().toString());
        // What each method's images were cut into: auto resolves per method.
        p.setProperty("tiles", workspace.tiling().setting());
        p.setProperty("tile.overlap", Double.toString(workspace.tiling().overlap()));
        for (String method : s.methods()) {
            p.setProperty("tiles." + method, methods.get(method).tiles(workspace.tiling()));
        }
        p.setProperty("coreset.mode", coreset.mode().name().toLowerCase(Locale.ROOT));
        p.setProperty("coreset.ratio", Double.toString(coreset.ratio()));
        p.setProperty("coreset.ratio.rule", "ratio / number of training categories");
        s.parameters().asMap().forEach((key, value) -> p.setProperty("setting." + key, value));
        p.setProperty("anomaly.train.fraction", Double.toString(s.anomalyTrainFraction()));
        p.setProperty("threshold.target.good.images", Integer.toString(s.targetGoodForThreshold()));
        p.setProperty("runs", Integer.toString(runs));
        p.setProperty("backbone.forward.images", Long.toString(workspace.extractor().forwardImages()));
        p.setProperty("embedding.store", workspace.extractor().store().folder().toAbsolutePath().toString());
        p.setProperty("seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        return p;
    }
}
