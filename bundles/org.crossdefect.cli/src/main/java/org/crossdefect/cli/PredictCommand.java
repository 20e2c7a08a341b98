package org.crossdefect.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.engine.Engine;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.error.OutputExistsException;
import org.crossdefect.core.eval.Auroc;
import org.crossdefect.core.files.AtomicFiles;
import org.crossdefect.core.report.Heatmaps;
import org.crossdefect.core.report.PredictionsCsv;
import org.crossdefect.core.score.Prediction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossdefect predict}: scores images with a model file and writes the predictions CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Scores test images with a model: --category C predicts C/test, --dataset D --target T the "
                + "target's test images. Writes image,category,defect_type,label,score,... as CSV.")
final class PredictCommand implements Callable<Integer>, CrossDefectCommand.Cancellable {

    @Option(names = "--model", required = true, description = "Model file from 'crossdefect train'.")
    Path model;

    @Mixin
    SelectionOptions selection;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--out", required = true, description = "Predictions CSV to write.")
    Path out;

    @Option(names = "--overwrite", description = "Replace --out (and --heatmaps) if it exists.")
    boolean overwrite;

    @Option(names = "--heatmaps", description = "Folder for heatmap PNGs (image, anomaly map, mask outline).")
    Path heatmaps;

    @Option(names = "--threshold", description = "Score from which an image counts as anomalous (predicted_label), "
            + "for methods without a decision of their own.")
    Double threshold;

    /** The model names its backbone; these say where its weights are. */
    @Mixin
    WeightsOptions location;

    @Option(names = "--batch", defaultValue = "8", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--exact-search", description = "Nearest neighbours by exact search over the whole memory bank "
            + "(the paper's protocol) instead of the inverted-file index (about 5x faster, recall@1 0.999 on bottle).")
    boolean exactSearch;

    private final PrintStream stdout = System.out;

    @Override
    public Integer call() throws Exception {
        InvalidSettingException.require(!java.nio.file.Files.isDirectory(out), "out", out + " is a folder; give the "
                + "path of the predictions CSV to write");
        // Checked before any work: an existing output is never replaced silently.
        for (Path output : heatmaps == null ? java.util.List.of(out) : java.util.List.of(out, heatmaps)) {
            if (!overwrite && java.nio.file.Files.exists(output)) {
                throw new OutputExistsException(output);
            }
        }
        Engine.PredictJob job = new Engine.PredictJob(model, selection.selection(), location.weights,
                location.weightsDir, location.device, storeOption.path(), batch,
                exactSearch ? org.crossdefect.core.nn.Search.EXACT : org.crossdefect.core.nn.Search.FAST);
        Engine.Predicted predicted;
        try (ConsoleProgress progress = new ConsoleProgress(System.err)) {
            predicted = CrossDefectCommand.ENGINE.predict(job, progress);
        }
        List<Prediction> predictions = predicted.predictions();
        publish(predicted);
        stdout.printf("Predicted %d images with %s (%s): %s%n", predictions.size(), predicted.info().method(),
                model.getFileName(), out);
        summary(predictions);
        return 0;
    }

    @Override
    public String cancelled() {
        return "Cancelled; no predictions were written.";
    }

    /**
     * One outcome: the CSV is published only after the heatmaps folder is complete, and the
     * heatmaps are taken back if the CSV cannot be published; a failure leaves neither.
     */
    private void publish(Engine.Predicted predicted) throws Exception {
        boolean[] heatmapsWritten = {false};
        try {
            AtomicFiles.writeFile(out, overwrite, csv -> {
                PredictionsCsv.print(csv, predicted.predictions(), threshold, predicted.band().orElse(null));
                if (heatmaps != null) {
                    writeHeatmaps(predicted);
                    heatmapsWritten[0] = true;
                }
            });
        } catch (Exception | Error e) {
            if (heatmapsWritten[0]) {
                AtomicFiles.deleteRecursively(heatmaps);
            }
            throw e;
        }
    }

    private void writeHeatmaps(Engine.Predicted predicted) throws java.io.IOException {
        Heatmaps.Scaled maps = Heatmaps.scaled(predicted.predictions(), predicted.preprocessing());
        AtomicFiles.writeFolder(heatmaps, overwrite, dir -> {
            for (int i = 0; i < maps.predictions().size(); i++) {
                Prediction p = maps.predictions().get(i);
                String name = p.image().category() + "_" + p.image().folder() + "_" + ImageFiles.stem(p.image().image())
                        + ".png";
                maps.write(i, dir.resolve(name));
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
