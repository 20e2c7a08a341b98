package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/** Standard normal samples from a SplittableRandom (which has no nextGaussian in Java 17). */
final class Gaussian {

    private Gaussian() {
    }

    /** @return an approximately standard normal sample (Irwin-Hall of four uniforms; cheap, bounded) */
    static double next(SplittableRandom rng) {
        double sum = rng.nextDouble() + rng.nextDouble() + rng.nextDouble() + rng.nextDouble();
        return (sum - 2.0) * Math.sqrt(3.0);
    }
}
