package org.crossdefect.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crossdefect.core.semlp.SemlpSettings;
import org.crossdefect.core.settings.Parameters;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A method's settings on the command line: the named options kept from earlier versions (the
 * CLI contract only adds flags) and {@code --set key=value} for any setting of any registered
 * method ({@code crossdefect methods} lists them), so a new method needs no new flag.
 */
final class MethodOptions {

    @Mixin
    CoresetOptions coreset;

    @Option(names = "--epochs", description = "SEMLP: training epochs (default: " + SemlpSettings.DEFAULT_EPOCHS + ").")
    String epochs;

    @Option(names = "--learning-rate", description = "SEMLP: Adam learning rate (default: "
            + SemlpSettings.DEFAULT_LEARNING_RATE + ").")
    String learningRate;

    @Option(names = "--hidden", description = "SEMLP: hidden units (default: " + SemlpSettings.DEFAULT_HIDDEN + ").")
    String hidden;

    @Option(names = "--patience", description = "SEMLP with --dataset: stop when the validation loss has not "
            + "improved for this many epochs and keep the best epoch (default: off).")
    String patience;

    @Option(names = "--type-head", description = "SEMLP: also learn which defect type a patch shows (good + the "
            + "dataset's defect types), so predictions name the type.")
    boolean typeHead;

    @Option(names = "--paper-settings", description = "SEMLP: the paper's training (1 epoch, lr 1e-4, batch 4096).")
    boolean paperSettings;

    @Option(names = "--target-shots", paramLabel = "K", description = "k-shot methods (patchcore-kshot, "
            + "semlp-kshot, labeled-patchcore-kshot): good images of the target object they adapt to, drawn from its "
            + "train/good, never its test images (default: 10; 0 is the paper's strict protocol).")
    String targetShots;

    @Option(names = "--miro-epochs", description = "MIRO methods: fine-tuning epochs (default: 1).")
    String miroEpochs;

    @Option(names = "--miro-steps", description = "MIRO methods: stop fine-tuning after this many steps (default: 0, "
            + "the epochs decide).")
    String miroSteps;

    @Option(names = "--miro-lambda", description = "MIRO methods: weight of the regulariser towards the pretrained "
            + "network (default: 0.1; 0 is plain fine-tuning).")
    String miroLambda;

    @Option(names = "--miro-learning-rate", description = "MIRO methods: Adam learning rate (default: 1e-4).")
    String miroLearningRate;

    @Option(names = "--miro-batch-size", description = "MIRO methods: images per fine-tuning step (default: 8).")
    String miroBatchSize;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any method setting (see 'crossdefect "
            + "methods'); repeat for several.")
    Map<String, String> set = new LinkedHashMap<>();

    Parameters parameters() {
        Map<String, String> values = new LinkedHashMap<>(coreset.parameters().asMap());
        put(values, SemlpSettings.EPOCHS.key(), epochs);
        put(values, SemlpSettings.LEARNING_RATE.key(), learningRate);
        put(values, SemlpSettings.HIDDEN.key(), hidden);
        put(values, SemlpSettings.PATIENCE.key(), patience);
        put(values, org.crossdefect.core.model.TrainingData.TARGET_SHOTS.key(), targetShots);
        put(values, org.crossdefect.core.miro.MiroSettings.EPOCHS.key(), miroEpochs);
        put(values, org.crossdefect.core.miro.MiroSettings.STEPS.key(), miroSteps);
        put(values, org.crossdefect.core.miro.MiroSettings.LAMBDA.key(), miroLambda);
        put(values, org.crossdefect.core.miro.MiroSettings.LEARNING_RATE.key(), miroLearningRate);
        put(values, org.crossdefect.core.miro.MiroSettings.BATCH_SIZE.key(), miroBatchSize);
        if (typeHead) {
            values.put(SemlpSettings.TYPE_HEAD.key(), "true");
        }
        if (paperSettings) {
            values.put(SemlpSettings.PAPER_SETTINGS.key(), "true");
        }
        values.putAll(set);
        return Parameters.of(values);
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
