package org.crossdefect.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.backbone.DjlRuntime;
import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.eval.Auroc;
import org.crossdefect.core.io.AtomicFiles;
import org.crossdefect.core.io.Heatmaps;
import org.crossdefect.core.io.ModelFile;
import org.crossdefect.core.io.PredictionsCsv;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.model.Models;
import org.crossdefect.core.patchcore.AnomalyMap;
import org.crossdefect.core.pipeline.Prediction;
import org.crossdefect.core.pipeline.Training;
import org.crossdefect.core.progress.CancelledException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossdefect predict}: scores images with a model file and writes the predictions CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Scores test images with a model: --category C predicts C/test, --dataset D --target T the "
                + "target's test images. Writes image,category,defect_type,label,score,... as CSV.")
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Model file from 'crossdefect train'.")
    Path model;

    @Mixin
    ImageSelection selection;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--out", required = true, description = "Predictions CSV to write.")
    Path out;

    @Option(names = "--heatmaps", description = "Folder for heatmap PNGs (image, anomaly map, mask outline).")
    Path heatmaps;

    @Option(names = "--threshold", description = "Score from which an image counts as anomalous (predicted_label), "
            + "for methods without a decision of their own.")
    Double threshold;

    @Option(names = "--weights", description = "The backbone's weights file, if not in the weights folders.")
    Path weights;

    @Option(names = "--weights-dir", description = "Folder with weights files.")
    Path weightsDir;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--anomaly-train-fraction", defaultValue = "0.5", description = "As in training (the split).")
    double anomalyTrainFraction;

    @Option(names = "--batch", defaultValue = "8", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    private final PrintStream stdout = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        String problem = selection.splitProblem();
        if (problem != null) {
            err.println(problem);
            return 2;
        }
        ModelInfo info = ModelInfo.read(ModelFile.read(model));
        List<ImageRecord> images = selection.testImages(anomalyTrainFraction);
        BackboneSpec spec = BackboneSpec.of(Architecture.parse(info.architecture())).withLayers(info.layers())
                .withDevice(device).withWeightsDir(weightsDir);
        if (weights != null) {
            spec = spec.withWeights(weights);
        }
        try (Backbone backbone = Backbone.load(spec); ConsoleProgress progress = new ConsoleProgress(err);
                AnomalyModel loaded = Models.load(model, DjlRuntime.newManager(backbone.device()))) {
            info.requireBackbone(backbone);
            EmbeddingExtractor extractor = EmbeddingExtractor.create(backbone, storeOption.path(), batch, 1);
            List<Prediction> predictions = Training.predict(loaded, extractor, images, progress);
            PredictionsCsv.write(out, predictions, threshold);
            if (heatmaps != null) {
                writeHeatmaps(predictions, backbone);
            }
            stdout.printf("Predicted %d images with %s (%s): %s%n", images.size(), info.method(), model.getFileName(),
                    out);
            summary(predictions);
            return 0;
        } catch (CancelledException e) {
            err.println("Cancelled; no predictions were written.");
            return CrossDefectCommand.EXIT_CANCELLED;
        }
    }

    private void writeHeatmaps(List<Prediction> predictions, Backbone backbone) throws Exception {
        // One colour scale for the run: the maps are computed once, for the scale and the images.
        List<float[]> maps = new java.util.ArrayList<>();
        double high = 0;
        for (Prediction p : predictions) {
            float[] map = AnomalyMap.of(p.score(), backbone.preprocessing().crop());
            maps.add(map);
            for (float v : map) {
                high = Math.max(high, v);
            }
        }
        final double max = high;
        AtomicFiles.writeFolder(heatmaps, true, dir -> {
            for (int i = 0; i < predictions.size(); i++) {
                Prediction p = predictions.get(i);
                String name = p.image().category() + "_" + p.image().folder() + "_" + ImageFiles.stem(p.image().image())
                        + ".png";
                Heatmaps.write(p, maps.get(i), backbone.preprocessing(), 0, max, dir.resolve(name));
            }
        });
    }

    private void summary(List<Prediction> predictions) {
        float[] scores = new float[predictions.size()];
        boolean[] labels = new boolean[predictions.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) predictions.get(i).score().score();
            labels[i] = predictions.get(i).image().label() == Label.ANOMALOUS;
        }
        try {
            stdout.printf("image AUROC %.4f over %d images%n", Auroc.of(scores, labels), scores.length);
        } catch (IllegalArgumentException e) {
            stdout.println("image AUROC not defined: " + e.getMessage());
        }
    }
}
