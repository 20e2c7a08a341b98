package org.crossdefect.core.semlp;

/**
 * How to train a SEMLP (the paper's Section 3.3 and A.2.2).
 *
 * <p>Defaults differ from the paper's code on purpose in two places: the paper trains 1 epoch
 * with Adam at lr 1e-4 on hundreds of thousands of patches (MVTec AD), which is a few hundred
 * steps. On a small training set (tens of images, ~30k patches) the same setting makes only a
 * handful of steps and the MLP barely moves from its random start. So the defaults are lr 1e-3,
 * batches of 512 patches and 5 epochs, which learn on small sets and cost ~seconds on large ones;
 * {@link #paper()} gives the paper's setting.
 *
 * @param hidden hidden units (paper: 32)
 * @param dropout dropout on the hidden layer during training, in [0, 1) (paper: none)
 * @param learningRate Adam's learning rate
 * @param epochs passes over the training patches (at most, with early stopping)
 * @param batchSize patches per step
 * @param patchThreshold mask fraction from which a patch of a defect image is anomalous; the
 *     defect image's other patches are dropped (paper: 0.1)
 * @param seed seeds initialisation, shuffling and dropout
 * @param typeHead whether to learn the defect type: K outputs ("good" + the training defect
 *     types) with a softmax, instead of one anomaly logit
 * @param patience with a validation source, stop after this many epochs without a lower
 *     validation loss and keep the best epoch's weights; 0 turns early stopping off
 */
public record SemlpSettings(int hidden, double dropout, double learningRate, int epochs, int batchSize,
        double patchThreshold, long seed, boolean typeHead, int patience) {

    public static final int DEFAULT_HIDDEN = 32;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final int DEFAULT_EPOCHS = 5;
    public static final int DEFAULT_BATCH = 512;
    public static final double DEFAULT_PATCH_THRESHOLD = 0.1;
    /** Leaky ReLU slope of the paper's MLP. */
    public static final float LEAKY_SLOPE = 0.01f;

    public SemlpSettings {
        if (hidden < 1) {
            throw new IllegalArgumentException("SEMLP hidden size must be at least 1, got " + hidden);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("SEMLP dropout must be in [0, 1), got " + dropout);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("SEMLP learning rate must be positive, got " + learningRate);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("SEMLP epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("SEMLP batch size must be at least 1, got " + batchSize);
        }
        if (!(patchThreshold > 0 && patchThreshold <= 1)) {
            throw new IllegalArgumentException("patch threshold must be in (0, 1], got " + patchThreshold);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("SEMLP patience must be 0 (off) or more, got " + patience);
        }
    }

    public static SemlpSettings defaults() {
        return new SemlpSettings(DEFAULT_HIDDEN, 0, DEFAULT_LEARNING_RATE, DEFAULT_EPOCHS, DEFAULT_BATCH,
                DEFAULT_PATCH_THRESHOLD, 0, false, 0);
    }

    /** The paper code's setting: 1 epoch, Adam lr 1e-4, batches of 4096 patches. */
    public static SemlpSettings paper() {
        return new SemlpSettings(DEFAULT_HIDDEN, 0, 1e-4, 1, 4096, DEFAULT_PATCH_THRESHOLD, 0, false, 0);
    }

    public SemlpSettings withHidden(int h) {
        return new SemlpSettings(h, dropout, learningRate, epochs, batchSize, patchThreshold, seed, typeHead, patience);
    }

    public SemlpSettings withDropout(double d) {
        return new SemlpSettings(hidden, d, learningRate, epochs, batchSize, patchThreshold, seed, typeHead, patience);
    }

    public SemlpSettings withLearningRate(double lr) {
        return new SemlpSettings(hidden, dropout, lr, epochs, batchSize, patchThreshold, seed, typeHead, patience);
    }

    public SemlpSettings withEpochs(int e) {
        return new SemlpSettings(hidden, dropout, learningRate, e, batchSize, patchThreshold, seed, typeHead, patience);
    }

    public SemlpSettings withBatchSize(int b) {
        return new SemlpSettings(hidden, dropout, learningRate, epochs, b, patchThreshold, seed, typeHead, patience);
    }

    public SemlpSettings withPatchThreshold(double t) {
        return new SemlpSettings(hidden, dropout, learningRate, epochs, batchSize, t, seed, typeHead, patience);
    }

    public SemlpSettings withSeed(long s) {
        return new SemlpSettings(hidden, dropout, learningRate, epochs, batchSize, patchThreshold, s, typeHead, patience);
    }

    public SemlpSettings withTypeHead(boolean t) {
        return new SemlpSettings(hidden, dropout, learningRate, epochs, batchSize, patchThreshold, seed, t, patience);
    }

    public SemlpSettings withPatience(int p) {
        return new SemlpSettings(hidden, dropout, learningRate, epochs, batchSize, patchThreshold, seed, typeHead, p);
    }
}
