package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/**
 * How one image differs in placement from the others of its category: a shift and a small
 * rotation. Textures shift by whole periods' worth (they repeat nowhere, so any shift shows
 * new texture); objects shift by a few percent so they stay in the frame.
 */
record Variation(double offsetU, double offsetV, double angle) {

    static Variation forTexture(SplittableRandom rng) {
        return new Variation(20 * rng.nextDouble(), 20 * rng.nextDouble(), Math.toRadians(6) * (2 * rng.nextDouble() - 1));
    }

    static Variation forObject(SplittableRandom rng) {
        return new Variation(0.03 * (2 * rng.nextDouble() - 1), 0.03 * (2 * rng.nextDouble() - 1),
                Math.toRadians(8) * (2 * rng.nextDouble() - 1));
    }

    /** Maps a point relative to the image centre (in image sides) to look coordinates. */
    double u(double x, double y) {
        return Math.cos(angle) * x - Math.sin(angle) * y - offsetU;
    }

    double v(double x, double y) {
        return Math.sin(angle) * x + Math.cos(angle) * y - offsetV;
    }
}
