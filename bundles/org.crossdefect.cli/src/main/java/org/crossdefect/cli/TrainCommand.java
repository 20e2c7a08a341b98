package org.crossdefect.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.backbone.DjlRuntime;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.pipeline.MethodSettings;
import org.crossdefect.core.pipeline.Training;
import org.crossdefect.core.progress.CancelledException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossdefect train}: fits a model and writes its model file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a model: --category C on C/train (single category), or --dataset D --target T on "
                + "the other categories of D (leave-one-domain-out; the coreset ratio is divided by the number of "
                + "training categories, as the paper)."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--method", required = true, description = "patchcore, labeled-patchcore or semlp.")
    String method;

    @Mixin
    ImageSelection selection;

    @Mixin
    BackboneOptions backboneOptions;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--out", required = true, description = "Model file to write.")
    Path out;

    @Option(names = "--overwrite", description = "Replace --out if it exists.")
    boolean overwrite;

    @Mixin
    CoresetOptions coreset;

    @Option(names = "--anomaly-train-fraction", defaultValue = "0.5",
            description = "Fraction of each source folder's defect images used for training (default: ${DEFAULT-VALUE}).")
    double anomalyTrainFraction;

    @Option(names = "--batch", defaultValue = "8", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--epochs", description = "SEMLP: training epochs (default: "
            + org.crossdefect.core.semlp.SemlpSettings.DEFAULT_EPOCHS + ").")
    Integer epochs;

    @Option(names = "--learning-rate", description = "SEMLP: Adam learning rate (default: "
            + org.crossdefect.core.semlp.SemlpSettings.DEFAULT_LEARNING_RATE + ").")
    Double learningRate;

    @Option(names = "--hidden", description = "SEMLP: hidden units (default: "
            + org.crossdefect.core.semlp.SemlpSettings.DEFAULT_HIDDEN + ").")
    Integer hidden;

    @Option(names = "--patience", description = "SEMLP with --dataset: stop when the validation loss has not "
            + "improved for this many epochs and keep the best epoch (default: off).")
    Integer patience;

    @Option(names = "--type-head", description = "SEMLP: also learn which defect type a patch shows (good + the "
            + "dataset's defect types), so predictions name the type.")
    boolean typeHead;

    @Option(names = "--paper-settings", description = "SEMLP: the paper's training (1 epoch, lr 1e-4, batch 4096).")
    boolean paperSettings;

    private org.crossdefect.core.semlp.SemlpSettings semlpSettings() {
        var s = paperSettings ? org.crossdefect.core.semlp.SemlpSettings.paper()
                : org.crossdefect.core.semlp.SemlpSettings.defaults();
        if (epochs != null) {
            s = s.withEpochs(epochs);
        }
        if (learningRate != null) {
            s = s.withLearningRate(learningRate);
        }
        if (hidden != null) {
            s = s.withHidden(hidden);
        }
        if (patience != null) {
            s = s.withPatience(patience);
        }
        return s.withTypeHead(typeHead);
    }

    private final PrintStream stdout = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        String problem = selection.splitProblem();
        if (problem != null) {
            err.println(problem);
            return 2;
        }
        if (Files.exists(out) && !overwrite) {
            err.println(out + " already exists; choose another --out or add --overwrite");
            return CrossDefectCommand.EXIT_PROBLEMS;
        }
        MethodSettings settings = MethodSettings.defaults(method).withSeed(selection.seed)
                .withCoreset(coreset.mode(), coreset.coresetRatio).crossCategory(selection.dataset != null)
                .withSemlp(semlpSettings());
        List<ImageRecord> train = selection.trainImages(anomalyTrainFraction);
        // SEMLP reports its validation loss per epoch on the source validation split.
        List<ImageRecord> validation = selection.dataset != null ? selection.split(anomalyTrainFraction).validation()
                : List.of();
        long start = System.nanoTime();
        try (Backbone backbone = Backbone.load(backboneOptions.spec());
                ConsoleProgress progress = new ConsoleProgress(err)) {
            EmbeddingExtractor extractor = EmbeddingExtractor.create(backbone, storeOption.path(), batch, 1);
            try (AnomalyModel model = Training.train(settings, backbone, extractor, train, validation,
                    DjlRuntime.newManager(backbone.device()), progress)) {
                model.save(out);
            }
            long good = train.stream().filter(r -> r.label() == Label.GOOD).count();
            stdout.printf("Trained %s on %d images (%d good, %d defect) of %s with %s in %.1f s: %s%n",
                    settings.method(), train.size(), good, train.size() - good,
                    train.stream().map(ImageRecord::category).distinct().sorted().toList(), backbone.id(),
                    (System.nanoTime() - start) / 1e9, out);
            return 0;
        } catch (CancelledException e) {
            err.println("Cancelled; no model was written.");
            return CrossDefectCommand.EXIT_CANCELLED;
        }
    }
}
