package org.crossdefect.core.miro;

import java.util.List;

import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

/**
 * How MIRO fine-tunes a backbone (Cha et al. 2022, as the paper's code runs it): one epoch in
 * batches of 8, Adam at lr 1e-4 with the variance encoders' lr ten times that, regulariser weight
 * lambda 0.1. The seed comes with the training data, like every method's.
 *
 * @param epochs passes over the training images (at most; {@code steps} may stop earlier)
 * @param batchSize images per step
 * @param learningRate Adam's learning rate for the network and the classifier
 * @param varianceLearningRateFactor the variance encoders' learning rate over {@code learningRate}
 * @param lambda weight of the mutual-information regulariser; 0 is plain fine-tuning
 * @param steps stop after this many steps whatever the epochs (0: the epochs decide)
 */
public record MiroSettings(int epochs, int batchSize, double learningRate, double varianceLearningRateFactor,
        double lambda, int steps) {

    public static final Parameter EPOCHS = new Parameter("miro-epochs", "1", "MIRO: fine-tuning epochs (the best "
            + "on the source validation images is kept).");
    public static final Parameter BATCH_SIZE = new Parameter("miro-batch-size", "8", "MIRO: images per step.");
    public static final Parameter LEARNING_RATE = new Parameter("miro-learning-rate", "1e-4", "MIRO: Adam learning "
            + "rate of the backbone and the classifier.");
    public static final Parameter VARIANCE_FACTOR = new Parameter("miro-variance-lr-factor", "10", "MIRO: the "
            + "variance encoders' learning rate as a multiple of miro-learning-rate.");
    public static final Parameter LAMBDA = new Parameter("miro-lambda", "0.1", "MIRO: weight of the regulariser "
            + "that keeps features close to the pretrained network's (0: plain fine-tuning).");
    public static final Parameter STEPS = new Parameter("miro-steps", "0", "MIRO: stop after this many steps "
            + "(0: the epochs decide).");
    public static final List<Parameter> PARAMETERS = List.of(EPOCHS, BATCH_SIZE, LEARNING_RATE, VARIANCE_FACTOR,
            LAMBDA, STEPS);

    public MiroSettings {
        InvalidSettingException.require(epochs >= 1, EPOCHS.key(), "MIRO epochs must be at least 1, got " + epochs);
        InvalidSettingException.require(batchSize >= 1, BATCH_SIZE.key(), "MIRO batch size must be at least 1, got "
                + batchSize);
        InvalidSettingException.require(learningRate > 0 && Double.isFinite(learningRate), LEARNING_RATE.key(),
                "MIRO learning rate must be positive, got " + learningRate);
        InvalidSettingException.require(varianceLearningRateFactor > 0 && Double.isFinite(varianceLearningRateFactor),
                VARIANCE_FACTOR.key(), "MIRO variance learning-rate factor must be positive, got "
                        + varianceLearningRateFactor);
        InvalidSettingException.require(lambda >= 0 && Double.isFinite(lambda), LAMBDA.key(),
                "MIRO lambda must be 0 or more, got " + lambda);
        InvalidSettingException.require(steps >= 0, STEPS.key(), "MIRO steps must be 0 (off) or more, got " + steps);
    }

    public static MiroSettings defaults() {
        return from(Parameters.NONE);
    }

    /** @throws InvalidSettingException naming the first value that is not accepted */
    public static MiroSettings from(Parameters p) {
        return new MiroSettings(p.integer(EPOCHS), p.integer(BATCH_SIZE), p.number(LEARNING_RATE),
                p.number(VARIANCE_FACTOR), p.number(LAMBDA), p.integer(STEPS));
    }

    /** @return the same settings with another lambda */
    public MiroSettings withLambda(double newLambda) {
        return new MiroSettings(epochs, batchSize, learningRate, varianceLearningRateFactor, newLambda, steps);
    }

    /** @return the same settings stopping after {@code newSteps} steps */
    public MiroSettings withSteps(int newSteps) {
        return new MiroSettings(epochs, batchSize, learningRate, varianceLearningRateFactor, lambda, newSteps);
    }
}
