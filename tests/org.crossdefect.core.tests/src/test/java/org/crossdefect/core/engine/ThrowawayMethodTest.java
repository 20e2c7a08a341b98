package org.crossdefect.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.benchmark.Benchmark;
import org.crossdefect.core.benchmark.BenchmarkSettings;
import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.data.ImageSelection;
import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.error.UnsuitableDataException;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.Method;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.ImageScore;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;
import org.crossdefect.core.testing.SharedData;
import org.crossdefect.core.workspace.MethodRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

/**
 * A method that exists only in this test, registered through the registry alone, goes through
 * every use case: train, model file (path and stream), predict, benchmark with a run folder.
 */
class ThrowawayMethodTest {

    /** Scores a patch by its distance to the mean good patch, raised to a power (its one setting). */
    static final class MeanDistanceMethod implements Method<MeanDistanceMethod.Settings> {

        static final Parameter POWER = new Parameter("power", "1", "Exponent of the distance.");

        record Settings(double power) {
            Settings {
                InvalidSettingException.require(power > 0, POWER.key(), "power must be positive, got " + power);
            }
        }

        record Stored(ModelInfo info, Settings settings) {
        }

        @Override
        public String id() {
            return "mean-distance";
        }

        @Override
        public String title() {
            return "Mean distance";
        }

        @Override
        public String description() {
            return "Distance of each patch to the mean good patch (a test method).";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(POWER);
        }

        @Override
        public Settings settings(Parameters values) {
            return new Settings(values.number(POWER));
        }

        @Override
        public AnomalyModel fit(TrainingData data, Settings settings, NDManager manager, Progress progress)
                throws IOException {
            PatchSource good = data.embeddings(data.requireGood(title()), progress);
            float[] mean = new float[good.dim()];
            for (int i = 0; i < good.images(); i++) {
                PatchEmbeddings e = good.image(i);
                for (int j = 0; j < e.values().length; j++) {
                    mean[j % good.dim()] += e.values()[j] / ((float) good.images() * good.patches());
                }
            }
            return new Model(data.info(id()), settings, mean, manager);
        }

        @Override
        public AnomalyModel read(ModelFile.Contents contents, NDManager manager) {
            Stored stored = contents.json(Stored.class);
            return new Model(stored.info(), stored.settings(), ModelFile.floats(contents.entry("mean.f32")), manager);
        }

        record Model(ModelInfo info, Settings settings, float[] mean, NDManager manager) implements AnomalyModel {
            @Override
            public List<ImageScore> score(PatchSource images, Progress progress) throws IOException {
                List<ImageScore> out = new ArrayList<>();
                for (int i = 0; i < images.images(); i++) {
                    PatchEmbeddings e = images.image(i);
                    float[] patch = new float[e.patches()];
                    double max = 0;
                    for (int p = 0; p < e.patches(); p++) {
                        double s = 0;
                        for (int c = 0; c < e.dim(); c++) {
                            double d = e.values()[p * e.dim() + c] - mean[c];
                            s += d * d;
                        }
                        patch[p] = (float) Math.pow(Math.sqrt(s), settings.power());
                        max = Math.max(max, patch[p]);
                    }
                    out.add(new ImageScore(max, patch, info.gridHeight(), info.gridWidth(), null, null));
                }
                return out;
            }

            @Override
            public void write(OutputStream out) throws IOException {
                ModelFile.write(out, info.method(), new Stored(info, settings), Map.of("mean.f32",
                        ModelFile.floats(mean)));
            }

            @Override
            public void close() {
                manager.close();
            }
        }
    }

    @TempDir
    static Path dir;

    static Path root;
    static final Engine ENGINE = new Engine(MethodRegistry.builtIn().with(new MeanDistanceMethod()));

    @BeforeAll
    static void tree() throws Exception {
        root = dir.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(96, 6, 4, 6, 2), root, false, Progress.NONE);
    }

    static BackboneSpec backbone() {
        return BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu")
                .withWeights(SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors"));
    }

    @Test
    void trainsPredictsAndBenchmarksThroughTheRegistryAlone() throws Exception {
        ImageSelection selection = ImageSelection.split(root, root.resolve("hole.csv").toString(), "wood", 0);
        Path model = dir.resolve("mean.model");
        Path store = dir.resolve("store");
        try (Engine.Trained trained = ENGINE.train(new Engine.TrainJob(selection, "mean-distance",
                Parameters.of("power", 2), backbone(), store, 8), Progress.NONE)) {
            assertEquals("mean-distance", trained.model().info().method());
            trained.model().save(model);
            // The same bytes through a stream (what a KNIME port does) read back to the same model.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            trained.model().write(bytes);
            try (AnomalyModel again = ENGINE.methods().read(new ByteArrayInputStream(bytes.toByteArray()), "a port",
                    Device.cpu())) {
                assertEquals(2.0, ((MeanDistanceMethod.Model) again).settings().power());
            }
        }
        Engine.Predicted predicted = ENGINE.predict(new Engine.PredictJob(model, selection,
                SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors"), null, "cpu", store, 8),
                Progress.NONE);
        assertEquals(selection.select().test().size(), predicted.predictions().size());
        double auroc = Engine.evaluate(predicted.predictions(), List.of(), predicted.preprocessing(), 5).imageAuroc();
        assertTrue(auroc > 0.5, "mean distance separates synthetic holes a little at least: " + auroc);

        Path run = dir.resolve("run");
        BenchmarkSettings settings = new BenchmarkSettings(root, List.of(root.resolve("hole.csv").toString()),
                List.of("mean-distance", "patchcore"), 1, backbone(), Parameters.of("power", 2),
                DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION, 5, List.of("wood"));
        Benchmark.Result result = ENGINE.benchmark(new Benchmark.Job(settings, store, 8, run, false), Progress.NONE);
        assertEquals(2, result.metrics().size());
        assertEquals(auroc, result.metrics().get(0).imageAuroc(), 1e-9, "the benchmark's run equals train + predict");
        assertTrue(Files.readString(run.resolve("predictions.csv")).contains("mean-distance"));
        assertTrue(Files.readString(run.resolve("report.md")).contains("| mean-distance |"));

        // The built-in engine does not know it: its model file is refused with the known methods.
        var unknown = assertThrows(org.crossdefect.core.model.ModelFileException.class,
                () -> Engine.builtIn().methods().read(model, Device.cpu()));
        assertTrue(unknown.getMessage().contains("'mean-distance'") && unknown.getMessage().contains("semlp"),
                unknown.getMessage());
        // Its setting is checked before any work, and unknown settings are named.
        var bad = assertThrows(InvalidSettingException.class, () -> ENGINE.train(new Engine.TrainJob(selection,
                "mean-distance", Parameters.of("power", -1), backbone(), dir.resolve("unused"), 8), Progress.NONE));
        assertEquals("power", bad.setting());
        var typo = assertThrows(InvalidSettingException.class, () -> ENGINE.train(new Engine.TrainJob(selection,
                "mean-distance", Parameters.of("powr", 2), backbone(), dir.resolve("unused"), 8), Progress.NONE));
        assertTrue(typo.getMessage().contains("'powr'") && typo.getMessage().contains("power"), typo.getMessage());
        assertTrue(Files.notExists(dir.resolve("unused")), "nothing opened before the checks");
    }

    /** A method that fails in fit and in read, after its manager was made. */
    static final class FailingMethod implements Method<String> {
        final List<NDManager> managers = new ArrayList<>();

        @Override
        public String id() {
            return "failing";
        }

        @Override
        public String title() {
            return "Failing";
        }

        @Override
        public String description() {
            return "Fails (a test method).";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public String settings(Parameters values) {
            return "";
        }

        @Override
        public AnomalyModel fit(TrainingData data, String settings, NDManager manager, Progress progress) {
            managers.add(manager);
            throw new UnsuitableDataException("nothing to learn from");
        }

        @Override
        public AnomalyModel read(ModelFile.Contents contents, NDManager manager) {
            managers.add(manager);
            throw new org.crossdefect.core.model.ModelFileException("damaged");
        }
    }

    @Test
    void theRegistryClosesTheNativeMemoryOfAFitOrReadThatFails() {
        FailingMethod failing = new FailingMethod();
        MethodRegistry registry = MethodRegistry.builtIn().with(failing);
        TrainingData nothing = new TrainingData(List.of(), List.of(), 0, false, null);
        assertThrows(UnsuitableDataException.class, () -> registry.fit("failing", Parameters.NONE, nothing,
                Device.cpu(), Progress.NONE));
        assertThrows(org.crossdefect.core.model.ModelFileException.class, () -> registry.read(
                new ModelFile.Contents("a port", "failing", "{}", Map.of()), Device.cpu()));
        assertEquals(2, failing.managers.size());
        assertTrue(failing.managers.stream().noneMatch(NDManager::isOpen), "every manager closed");
        assertThrows(IllegalArgumentException.class, () -> registry.with(new FailingMethod()), "ids are unique");
    }

    /**
     * A run that fails never throws away the others: the benchmark goes on, the run folder holds
     * every finished run, and the failure is an explained gap (the CLI exits 1 after writing).
     */
    @Test
    void aFailingRunIsAnExplainedGapAndTheOthersAreKept() throws Exception {
        Engine engine = new Engine(MethodRegistry.builtIn().with(new MeanDistanceMethod()).with(new FailingMethod()));
        Path run = dir.resolve("run-with-failure");
        BenchmarkSettings settings = new BenchmarkSettings(root, List.of(root.resolve("hole.csv").toString()),
                List.of("failing", "mean-distance"), 1, backbone(), Parameters.NONE,
                DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION, 5, List.of("wood"));
        org.crossdefect.core.testing.Warnings listening = new org.crossdefect.core.testing.Warnings();
        Benchmark.Result result = engine.benchmark(new Benchmark.Job(settings, dir.resolve("store"), 8, run, false),
                listening);
        assertEquals(List.of("mean-distance"), result.metrics().stream().map(m -> m.run().method()).toList());
        assertEquals(1, result.failed().size());
        assertTrue(result.failed().get(0).reason().contains("nothing to learn from"), result.failed().toString());
        assertTrue(listening.said().stream().anyMatch(w -> w.contains("hole/wood failing seed 0 failed")), listening.said().toString());
        String notRun = Files.readString(run.resolve("not-run.csv"));
        assertTrue(notRun.contains("failing") && notRun.contains("nothing to learn from"), notRun);
        assertTrue(Files.readString(run.resolve("report.md")).contains("nothing to learn from"));
        assertTrue(Files.readString(run.resolve("predictions.csv")).contains("mean-distance"));
    }

    /**
     * The plan says, before any work, which targets cannot be tested (no good or no defect test
     * image: real-dev's steel) and which (target, method) cannot train (no source category with
     * good images: real-dev's stain/metal_plate), each with its reason.
     */
    @Test
    void thePlanExplainsUntestableTargetsAndUntrainableMethods() throws Exception {
        Path tree = dir.resolve("gappy");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 2, 1, 2, 3), tree, false, Progress.NONE);
        for (String emptied : List.of("stone/train/good", "stone/test/good")) {
            try (var files = Files.list(tree.resolve(emptied))) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Path mapping = Files.writeString(dir.resolve("two.csv"), "category,folder,defect_type\n"
                + "disc,hole,hole\nstone,hole,hole\nwood,hole,hole\n");
        BenchmarkSettings settings = new BenchmarkSettings(tree, List.of(mapping.toString()),
                List.of("patchcore", "semlp", "labeled-patchcore"), 2, backbone(), Parameters.NONE,
                DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION, 5, List.of());
        var plan = org.crossdefect.core.benchmark.BenchmarkRunner.plan(settings, MethodRegistry.builtIn());
        List<String> gaps = plan.notApplicable().stream().map(n -> n.describe()).toList();
        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).startsWith("two/stone all: not applicable: the target has 0 good and"), gaps.toString());
        assertEquals(2 * 3 * 2, plan.runs(), "disc and wood, three methods, two seeds");

        Path onlyStone = Files.writeString(dir.resolve("stone-only.csv"), "category,folder,defect_type\n"
                + "disc,hole,hole\nstone,hole,hole\n");
        BenchmarkSettings noGoodSource = new BenchmarkSettings(tree, List.of(onlyStone.toString()),
                List.of("patchcore", "semlp"), 1, backbone(), Parameters.NONE,
                DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION, 5, List.of());
        var none = org.crossdefect.core.benchmark.BenchmarkRunner.plan(noGoodSource, MethodRegistry.builtIn());
        List<String> reasons = none.notApplicable().stream().map(n -> n.describe()).toList();
        assertEquals(0, none.runs());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("stone-only/disc patchcore: not applicable: no good "
                + "image among the ") && r.endsWith("PatchCore learns from good images: add good images of the source "
                + "categories")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("stone-only/disc semlp: not applicable: SEMLP needs "
                + "good images and defect images")), reasons.toString());
        var nothing = assertThrows(UnsuitableDataException.class, () -> ENGINE.benchmark(new Benchmark.Job(
                noGoodSource, dir.resolve("unused-store"), 8, dir.resolve("unused-run"), false), Progress.NONE));
        assertTrue(nothing.getMessage().contains("no run of this benchmark"), nothing.getMessage());
        assertTrue(Files.notExists(dir.resolve("unused-store")), "refused before any work");
    }
}
