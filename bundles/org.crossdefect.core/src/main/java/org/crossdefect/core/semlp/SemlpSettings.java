package org.crossdefect.core.semlp;

import java.util.List;

import org.crossdefect.core.embed.PatchLabelRule;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

/**
 * How to train a SEMLP (the paper's Section 3.3 and A.2.2). The seed is not a setting: it comes
 * with the training data, like every method's.
 *
 * <p>Defaults differ from the paper's code on purpose in two places: the paper trains 1 epoch
 * with Adam at lr 1e-4 on hundreds of thousands of patches (MVTec AD), which is a few hundred
 * steps. On a small training set (tens of images, ~30k patches) the same setting makes only a
 * handful of steps and the MLP barely moves from its random start. So the defaults are lr 1e-3,
 * batches of 512 patches and 5 epochs, which learn on small sets and cost ~seconds on large ones;
 * {@link #PAPER_SETTINGS} gives the paper's setting.
 *
 * @param hidden hidden units (paper: 32)
 * @param dropout dropout on the hidden layer during training, in [0, 1) (paper: none)
 * @param learningRate Adam's learning rate
 * @param epochs passes over the training patches (at most, with early stopping)
 * @param batchSize patches per step
 * @param labels which patches of defect images are anomalous; the others are dropped
 * @param typeHead whether to learn the defect type: K outputs ("good" + the training defect
 *     types) with a softmax, instead of one anomaly logit
 * @param patience with a validation source, stop after this many epochs without a lower
 *     validation loss and keep the best epoch's weights; 0 turns early stopping off
 */
public record SemlpSettings(int hidden, double dropout, double learningRate, int epochs, int batchSize,
        PatchLabelRule labels, boolean typeHead, int patience) {

    public static final int DEFAULT_HIDDEN = 32;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final int DEFAULT_EPOCHS = 5;
    public static final int DEFAULT_BATCH = 512;
    /** Leaky ReLU slope of the paper's MLP. */
    public static final float LEAKY_SLOPE = 0.01f;

    public static final Parameter HIDDEN = new Parameter("hidden", "" + DEFAULT_HIDDEN, "SEMLP: hidden units.");
    public static final Parameter DROPOUT = new Parameter("dropout", "0", "SEMLP: dropout on the hidden layer "
            + "while training, in [0, 1).");
    public static final Parameter LEARNING_RATE = new Parameter("learning-rate", "" + DEFAULT_LEARNING_RATE,
            "SEMLP: Adam learning rate.");
    public static final Parameter EPOCHS = new Parameter("epochs", "" + DEFAULT_EPOCHS, "SEMLP: training epochs.");
    public static final Parameter BATCH_SIZE = new Parameter("batch-size", "" + DEFAULT_BATCH,
            "SEMLP: patches per training step.");
    public static final Parameter TYPE_HEAD = new Parameter("type-head", "false", "SEMLP: also learn which defect "
            + "type a patch shows (good + the training defect types), so predictions name the type.");
    public static final Parameter PATIENCE = new Parameter("patience", "0", "SEMLP with validation images: stop when "
            + "the validation loss has not improved for this many epochs and keep the best epoch (0: off).");
    public static final Parameter PAPER_SETTINGS = new Parameter("paper-settings", "false", "SEMLP: the paper "
            + "code's training (1 epoch, lr 1e-4, batch 4096) as defaults of epochs, learning-rate and batch-size.");
    public static final List<Parameter> PARAMETERS = List.of(HIDDEN, DROPOUT, LEARNING_RATE, EPOCHS, BATCH_SIZE,
            PatchLabelRule.PARAMETER, TYPE_HEAD, PATIENCE, PAPER_SETTINGS);

    public SemlpSettings {
        InvalidSettingException.require(hidden >= 1, HIDDEN.key(), "SEMLP hidden size must be at least 1, got "
                + hidden);
        InvalidSettingException.require(dropout >= 0 && dropout < 1, DROPOUT.key(),
                "SEMLP dropout must be in [0, 1), got " + dropout);
        InvalidSettingException.require(learningRate > 0 && Double.isFinite(learningRate), LEARNING_RATE.key(),
                "SEMLP learning rate must be positive, got " + learningRate);
        InvalidSettingException.require(epochs >= 1, EPOCHS.key(), "SEMLP epochs must be at least 1, got " + epochs);
        InvalidSettingException.require(batchSize >= 1, BATCH_SIZE.key(), "SEMLP batch size must be at least 1, got "
                + batchSize);
        InvalidSettingException.require(patience >= 0, PATIENCE.key(), "SEMLP patience must be 0 (off) or more, got "
                + patience);
        if (labels == null) {
            labels = PatchLabelRule.DEFAULT;
        }
    }

    public static SemlpSettings defaults() {
        return from(Parameters.NONE);
    }

    /**
     * @param p values of {@link #PARAMETERS}; absent ones take their defaults (the paper's
     *     training where {@code paper-settings} is true)
     * @throws InvalidSettingException naming the first value that is not accepted
     */
    public static SemlpSettings from(Parameters p) {
        boolean paper = p.bool(PAPER_SETTINGS);
        Parameters base = paper ? Parameters.of(EPOCHS.key(), 1, LEARNING_RATE.key(), 1e-4, BATCH_SIZE.key(), 4096)
                .with(p) : p;
        return new SemlpSettings(base.integer(HIDDEN), base.number(DROPOUT), base.number(LEARNING_RATE),
                base.integer(EPOCHS), base.integer(BATCH_SIZE), PatchLabelRule.from(base), base.bool(TYPE_HEAD),
                base.integer(PATIENCE));
    }

    /** The paper code's setting: 1 epoch, Adam lr 1e-4, batches of 4096 patches. */
    public static SemlpSettings paper() {
        return from(Parameters.of(PAPER_SETTINGS.key(), true));
    }
}
