package org.crossdefect.core.semlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.settings.Parameters;
import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * SEMLP's training gradients (DJL autograd of its loss) against finite differences of the loss
 * (binary with pos_weight, and the class-weighted type head), parameter by parameter.
 */
class SemlpGradientTest {

    @Test
    void theBinaryLossGradientMatchesFiniteDifferences() {
        check(1, new long[] {30, 10});
    }

    @Test
    void theTypeHeadLossGradientMatchesFiniteDifferences() {
        check(3, new long[] {20, 12, 8});
    }

    private static void check(int outputs, long[] counts) {
        int dim = 6;
        int hidden = 5;
        int n = 7;
        SplittableRandom random = new SplittableRandom(11);
        float[] x = new float[n * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % counts.length;
        }
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            SemlpTrainer trainer = new SemlpTrainer(SemlpSettings.from(Parameters.of(SemlpSettings.HIDDEN.key(),
                    hidden)), counts, outputs, manager);
            SemlpNetwork net = SemlpNetwork.init(dim, hidden, outputs, random);
            float[][] params = net.parameters();
            NDArray[] arrays = net.toArrays(manager);
            for (NDArray a : arrays) {
                a.setRequiresGradient(true);
            }
            trainer.step(arrays, x, y, n, null, manager);
            float[][] gradients = new float[4][];
            for (int t = 0; t < 4; t++) {
                gradients[t] = arrays[t].getGradient().toFloatArray();
            }
            double h = 1e-3;
            for (int t = 0; t < 4; t++) {
                for (int i = 0; i < params[t].length; i++) {
                    float keep = params[t][i];
                    params[t][i] = (float) (keep + h);
                    double up = loss(net, trainer, manager, x, y, n);
                    params[t][i] = (float) (keep - h);
                    double down = loss(net, trainer, manager, x, y, n);
                    params[t][i] = keep;
                    double numeric = (up - down) / (2 * h);
                    assertEquals(numeric, gradients[t][i], 2e-3 + 1e-2 * Math.abs(numeric),
                            "parameter tensor " + t + " entry " + i);
                }
            }
        }
    }

    private static double loss(SemlpNetwork net, SemlpTrainer trainer, NDManager manager, float[] x, int[] y, int n) {
        float[] logits = net.logits(manager, x, n);
        try (NDManager scope = manager.newSubManager()) {
            return trainer.loss(scope.create(logits, new Shape(n, logits.length / n)), y, n, scope).getFloat();
        }
    }
}
