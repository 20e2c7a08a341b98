package org.crossdefect.core.engine;

import org.crossdefect.core.workspace.MethodRegistry;
import org.crossdefect.core.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.benchmark.Benchmark;
import org.crossdefect.core.eval.Evaluation;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.data.ImageSelection;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.settings.Parameters;

/**
 * The engine's use cases, one call each, for every door: a CLI command or a KNIME node maps
 * its options to a job, makes one call, and turns the result into its output. Each call checks
 * its settings before any backbone is loaded or image embedded, and closes what it opened on
 * every path (bad input, damaged files, cancel).
 */
public final class Engine {

    private final MethodRegistry methods;

    public Engine(MethodRegistry methods) {
        this.methods = methods;
    }

    /** @return an engine with the built-in methods */
    public static Engine builtIn() {
        return new Engine(MethodRegistry.builtIn());
    }

    public MethodRegistry methods() {
        return methods;
    }

    /**
     * @param images which images train (and validate)
     * @param method a registered method's id
     * @param parameters the method's settings (see its parameters); the seed is the selection's
     * @param store the embedding store's root folder
     * @param batch images per forward pass
     */
    public record TrainJob(ImageSelection images, String method, Parameters parameters, BackboneSpec backbone,
            Path store, int batch) {
        public TrainJob {
            requireBatch(batch);
        }
    }

    /** A trained model (the caller closes it) and what it was trained on. */
    public record Trained(AnomalyModel model, ImageSelection.Selected images, String backboneId, double seconds)
            implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    /** Selects the images, loads the backbone, embeds and fits. */
    public Trained train(TrainJob job, Progress progress) throws IOException {
        methods.check(List.of(job.method()), job.parameters());
        job.images().requireTrainAndTest();
        long start = System.nanoTime();
        ImageSelection.Selected images = job.images().selectValidated(progress);
        var shots = job.images().targetShots(methods.targetShots(job.method(), job.parameters()));
        try (Workspace workspace = Workspace.open(job.backbone(), job.store(), job.batch())) {
            AnomalyModel model = methods.fit(job.method(), job.parameters(), workspace.trainingData(images,
                    job.images().seed(), shots, workspace.tilingFor(methods.get(job.method()))),
                    workspace.backbone().device(), progress);
            return new Trained(model, images, workspace.backbone().id(), (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * @param model a model file
     * @param images which images to score: the selection's test images
     * @param weights the backbone's weights file, if not in the weights folders; may be null
     * @param weightsDir a folder with weights files; may be null
     * @param device auto, cpu or gpu:N
     */
    public record PredictJob(Path model, ImageSelection images, Path weights, Path weightsDir, String device,
            Path store, int batch, org.crossdefect.core.nn.Search search) {
        public PredictJob {
            requireBatch(batch);
            org.crossdefect.core.runtime.DjlRuntime.requireDeviceSyntax(device);
            java.util.Objects.requireNonNull(search, "search");
        }

        /** With the fast nearest-neighbour search, what predictions for use take. */
        public PredictJob(Path model, ImageSelection images, Path weights, Path weightsDir, String device, Path store,
                int batch) {
            this(model, images, weights, weightsDir, device, store, batch, org.crossdefect.core.nn.Search.DEFAULT);
        }
    }

    /** Checked when a job is made, before any image is read or backbone loaded. */
    static void requireBatch(int batch) {
        org.crossdefect.core.error.InvalidSettingException.require(batch >= 1, "batch",
                "images per forward pass (--batch) must be at least 1, got " + batch);
    }

    /** Predictions, with what made them (for heatmaps: the crop the maps cover). */
    public record Predicted(ModelInfo info, List<Prediction> predictions, Preprocessing preprocessing,
            java.util.Optional<org.crossdefect.core.score.DecisionBand> band) {
    }

    /** Opens a model file with the backbone it was trained on and scores the selection's test images. */
    public Predicted predict(PredictJob job, Progress progress) throws IOException {
        job.images().requireTrainAndTest();
        // Overlaps libtorch's loading with reading the model and checking the tree.
        org.crossdefect.core.runtime.DjlRuntime.startInBackground();
        ModelFile.Contents contents = ModelFile.read(job.model());
        ModelInfo info = contents.info();
        // The tree's structure is checked now; each test image is decoded once, by the embedding pass,
        // which checks it as the validator would and reports every bad image together (stored ones
        // are not decoded at all: their bytes, hashed into the store key, were checked when embedded).
        List<org.crossdefect.core.data.ImageRecord> images = job.images().validatedTestImages(progress, r -> true);
        BackboneSpec spec = BackboneSpec.of(Architecture.parse(info.architecture())).withLayers(info.layers())
                .withImageSize(info.imageSize())
                .withDevice(job.device()).withWeightsDir(job.weightsDir());
        if (job.weights() != null) {
            spec = spec.withWeights(job.weights());
        }
        try (Workspace workspace = Workspace.open(spec, job.store(), job.batch());
                AnomalyModel model = methods.read(contents, workspace.backbone().device())) {
            // The model holds its own arrays now; the file's bytes (bottle: a 50 MB bank) need not stay
            // reachable from this frame while the images are predicted.
            contents = null;
            model.useSearch(job.search());
            return new Predicted(info, workspace.predict(model, images, progress),
                    workspace.mapsCover(info), model.decisionBand());
        }
    }

    /**
     * Runs the paper's protocol and, with a run folder, writes it atomically.
     *
     * @throws org.crossdefect.core.error.InvalidSettingException for a bad setting or an existing
     *     run folder without overwrite, before any work
     */
    public Benchmark.Result benchmark(Benchmark.Job job, Progress progress) throws IOException {
        return Benchmark.run(job, methods, progress);
    }

    /**
     * The figures of predictions on a target (image and pixel AUROC, F1 per threshold rule).
     *
     * @param validation source validation predictions (may be empty)
     * @param preprocessing the crop of the anomaly maps, for pixel AUROC; null skips it
     */
    public static Evaluation evaluate(List<Prediction> test, List<Prediction> validation, Preprocessing preprocessing,
            int targetGood) throws IOException {
        return Evaluation.of(test, validation, preprocessing, targetGood);
    }
}
