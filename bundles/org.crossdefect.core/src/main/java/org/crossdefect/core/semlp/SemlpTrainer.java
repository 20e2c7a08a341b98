package org.crossdefect.core.semlp;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.progress.Progress;

import ai.djl.ndarray.NDManager;

/**
 * SEMLP training loop: Adam on mini-batches of shuffled patches. Loss as the paper's code:
 * binary cross-entropy with logits and pos_weight = good / anomalous patches (mean over the
 * batch, as PyTorch's BCEWithLogitsLoss); with a type head, cross-entropy weighted per class by
 * n / (K n_c) (PyTorch's weighted mean), so rare defect types count as much as common ones.
 */
final class SemlpTrainer {

    private final SemlpSettings settings;
    private final int outputs;
    private final double posWeight;
    private final double[] classWeights;
    private final long keptPatches;
    private final NDManager manager;

    SemlpTrainer(SemlpSettings settings, long[] counts, int outputs, NDManager manager) {
        this.settings = settings;
        this.outputs = outputs;
        this.manager = manager;
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        this.keptPatches = total;
        this.posWeight = (double) counts[PatchLabels.GOOD] / (total - counts[PatchLabels.GOOD]);
        this.classWeights = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            classWeights[c] = counts[c] == 0 ? 0 : (double) total / (counts.length * counts[c]);
        }
    }

    SemlpNetwork train(SemlpNetwork network, PatchSource train, PatchLabels labels, PatchSource validation,
            PatchLabels validationLabels, SplittableRandom random, List<SemlpModel.Epoch> history, Progress progress)
            throws IOException {
        Adam adam = new Adam(settings.learningRate(), network.parameters());
        SplittableRandom shuffle = random.split();
        SplittableRandom dropout = random.split();
        float[][] gradients = new float[4][];
        float[][] parameters = network.parameters();
        for (int t = 0; t < 4; t++) {
            gradients[t] = new float[parameters[t].length];
        }
        long stepsPerEpoch = (keptPatches + settings.batchSize() - 1) / settings.batchSize();
        long totalSteps = stepsPerEpoch * settings.epochs();
        long[] step = {0};
        SemlpNetwork best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            double[] sum = {0, 0};
            final int e = epoch;
            PatchBatches.shuffled(train, labels, settings.batchSize(), shuffle, Progress.NONE, (x, y, n) -> {
                progress.checkCancelled();
                float[] mask = dropoutMask(n, dropout);
                double loss = network.backward(manager, x, n, mask, (logits, m, g) -> loss(logits, y, m, g), gradients);
                adam.update(parameters, gradients);
                sum[0] += loss * n;
                sum[1] += n;
                progress.update(++step[0], totalSteps, "training SEMLP, epoch " + e + "/" + settings.epochs());
            });
            double trainLoss = sum[0] / sum[1];
            double validationLoss = validationLabels == null ? Double.NaN
                    : validationLoss(network, validation, validationLabels, progress);
            history.add(new SemlpModel.Epoch(epoch, trainLoss, validationLoss));
            if (settings.patience() > 0 && !Double.isNaN(validationLoss)) {
                if (validationLoss < bestLoss) {
                    bestLoss = validationLoss;
                    best = network.copy();
                    sinceBest = 0;
                } else if (++sinceBest >= settings.patience()) {
                    break;
                }
            }
        }
        return best != null ? best : network;
    }

    private float[] dropoutMask(int n, SplittableRandom random) {
        double p = settings.dropout();
        if (p == 0) {
            return null;
        }
        float keep = (float) (1 / (1 - p));
        float[] mask = new float[n * settings.hidden()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < p ? 0f : keep;
        }
        return mask;
    }

    /** @return good over anomalous training patches, the binary loss's weight of anomalous ones */
    double posWeight() {
        return posWeight;
    }

    /** Loss of a batch and its gradient with respect to the logits (see the class comment). */
    double loss(float[] logits, int[] y, int n, float[] gradient) {
        if (outputs == 1) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double z = logits[i];
                double s = SemlpModel.sigmoid(z);
                if (y[i] == PatchLabels.GOOD) {
                    total += softplus(z);
                    gradient[i] = (float) (s / n);
                } else {
                    total += posWeight * softplus(-z);
                    gradient[i] = (float) (posWeight * (s - 1) / n);
                }
            }
            return total / n;
        }
        double weightSum = 0;
        for (int i = 0; i < n; i++) {
            weightSum += classWeights[y[i]];
        }
        double total = 0;
        double[] p = new double[outputs];
        for (int i = 0; i < n; i++) {
            SemlpModel.softmax(logits, i * outputs, outputs, p);
            double w = classWeights[y[i]];
            total += -w * Math.log(Math.max(p[y[i]], 1e-300));
            for (int c = 0; c < outputs; c++) {
                gradient[i * outputs + c] = (float) (w * (p[c] - (c == y[i] ? 1 : 0)) / weightSum);
            }
        }
        return total / weightSum;
    }

    /** Mean validation loss (same weighting as training), no update. */
    private double validationLoss(SemlpNetwork network, PatchSource validation, PatchLabels labels, Progress progress)
            throws IOException {
        double[] sum = {0, 0};
        PatchBatches.inOrder(validation, labels, settings.batchSize(), progress, (x, y, n) -> {
            float[] logits = network.logits(manager, x, n);
            float[] unused = new float[n * outputs];
            double loss = loss(logits, y, n, unused);
            if (outputs == 1) {
                sum[0] += loss * n;
                sum[1] += n;
            } else {
                double w = 0;
                for (int i = 0; i < n; i++) {
                    w += classWeights[y[i]];
                }
                sum[0] += loss * w;
                sum[1] += w;
            }
        });
        return sum[1] == 0 ? Double.NaN : sum[0] / sum[1];
    }

    /** log(1 + e^z) without overflow. */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
