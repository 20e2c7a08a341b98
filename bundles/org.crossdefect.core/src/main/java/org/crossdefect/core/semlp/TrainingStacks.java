package org.crossdefect.core.semlp;

import java.util.SplittableRandom;

import org.crossdefect.core.runtime.DjlRuntime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * The measurement behind SEMLP's training stack: one SEMLP step (binary loss with pos_weight,
 * Adam) as SEMLP trains today (hand-written backward pass, Adam on Java arrays) and on DJL's
 * training API (autograd, DJL's Adam) as MIRO trains, on the same batches. {@code bench semlp}
 * prints the ratio.
 */
public final class TrainingStacks {

    /** Milliseconds per step of each stack, measured in alternating rounds. */
    public record Comparison(double handMs, double autogradMs) {
        public double autogradOverHand() {
            return autogradMs / handMs;
        }
    }

    private TrainingStacks() {
    }

    public static Comparison compare(int dim, int batch, int steps, int rounds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[batch * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        int[] y = new int[batch];
        for (int i = 0; i < batch; i++) {
            y[i] = i % 4 == 0 ? 1 : PatchLabels.GOOD; // label 1: anomalous
        }
        int hidden = SemlpSettings.DEFAULT_HIDDEN;
        double hand = 0;
        double autograd = 0;
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            SemlpTrainer trainer = new SemlpTrainer(SemlpSettings.defaults(), new long[] {3, 1}, 1, manager);
            SemlpNetwork net = SemlpNetwork.init(dim, hidden, 1, random);
            for (int r = 0; r < rounds; r++) {
                for (int order = 0; order < 2; order++) {
                    boolean handFirst = (r + order) % 2 == 0;
                    long start = System.nanoTime();
                    if (handFirst) {
                        handSteps(net.copy(), trainer, manager, x, y, batch, steps);
                        hand += System.nanoTime() - start;
                    } else {
                        autogradSteps(net, manager, x, y, batch, steps, trainer);
                        autograd += System.nanoTime() - start;
                    }
                }
            }
        }
        double perStep = 1e6 * rounds * steps;
        return new Comparison(hand / perStep, autograd / perStep);
    }

    private static void handSteps(SemlpNetwork net, SemlpTrainer trainer, NDManager manager, float[] x, int[] y,
            int n, int steps) {
        float[][] params = net.parameters();
        float[][] gradients = new float[4][];
        for (int t = 0; t < 4; t++) {
            gradients[t] = new float[params[t].length];
        }
        Adam adam = new Adam(SemlpSettings.DEFAULT_LEARNING_RATE, params);
        for (int s = 0; s < steps; s++) {
            net.backward(manager, x, n, null, (logits, m, g) -> trainer.loss(logits, y, m, g), gradients);
            adam.update(params, gradients);
        }
    }

    private static void autogradSteps(SemlpNetwork start, NDManager parent, float[] x, int[] y, int n, int steps,
            SemlpTrainer trainer) {
        try (NDManager weights = parent.newSubManager()) {
            int dim = start.dim;
            int hidden = start.hidden;
            NDArray[] p = {weights.create(start.w1, new Shape(dim, hidden)), weights.create(start.b1),
                weights.create(start.w2, new Shape(hidden, 1)), weights.create(start.b2)};
            for (NDArray a : p) {
                a.setRequiresGradient(true);
            }
            Optimizer adam = Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) SemlpSettings.DEFAULT_LEARNING_RATE)).build();
            float[] goodMask = new float[n];
            float[] anomalousWeight = new float[n];
            for (int i = 0; i < n; i++) {
                goodMask[i] = y[i] == PatchLabels.GOOD ? 1f / n : 0f;
                anomalousWeight[i] = y[i] == PatchLabels.GOOD ? 0f : (float) (trainer.posWeight() / n);
            }
            for (int s = 0; s < steps; s++) {
                try (NDManager scope = weights.newSubManager()) {
                    NDArray input = scope.create(x, new Shape(n, dim));
                    try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
                        NDArray z1 = input.matMul(p[0]).add(p[1]);
                        NDArray a = z1.maximum(z1.mul(SemlpSettings.LEAKY_SLOPE));
                        NDArray z = a.matMul(p[2]).add(p[3]).reshape(n);
                        // softplus(z) for good patches, pos_weight * softplus(-z) for anomalous ones.
                        NDArray softplus = z.exp().add(1).log();
                        NDArray loss = softplus.mul(scope.create(goodMask)).sum()
                                .add(softplus.sub(z).mul(scope.create(anomalousWeight)).sum());
                        collector.backward(loss);
                    }
                    for (int t = 0; t < p.length; t++) {
                        NDArray g = p[t].getGradient();
                        adam.update("semlp." + t, p[t], g);
                        g.close();
                    }
                }
            }
        }
    }
}
