package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/**
 * Growth-ring bands running along the image, bent like rings of a log cut off-centre, with thin
 * dark late-wood lines and fine fibre streaks.
 */
final class WoodLook implements Look {

    private static final double BANDS_PER_SIDE = 7;

    private final ValueNoise noise;
    private final double curvature;
    private final double bendCentre;
    private final double[] light;
    private final double[] dark;

    WoodLook(SplittableRandom rng, Variation variation) {
        noise = new ValueNoise(rng.nextLong());
        curvature = 1.5 + 2 * rng.nextDouble();
        bendCentre = -variation.offsetV() + 0.8 * (2 * rng.nextDouble() - 1);
        light = Look.jitter(rng, 0.04, 214, 170, 118);
        dark = Look.jitter(rng, 0.04, 150, 98, 58);
    }

    @Override
    public boolean paint(double u, double v, double[] rgb) {
        double warp = noise.fractal(u * 1.5, v * 0.4, 3);
        double bend = v - bendCentre;
        double t = u * BANDS_PER_SIDE + curvature * bend * bend + 2.2 * warp;
        double w = t - Math.floor(t);
        double lateWood = Math.exp(-square((w - 0.8) / 0.09));
        double streak = noise.at(u * 180, v * 5);
        double mix = clamp01(0.8 * lateWood + 0.35 * (streak - 0.5) + 0.2 * w);
        rgb[0] = ValueNoise.lerp(light[0], dark[0], mix);
        rgb[1] = ValueNoise.lerp(light[1], dark[1], mix);
        rgb[2] = ValueNoise.lerp(light[2], dark[2], mix);
        return true;
    }

    private static double square(double x) {
        return x * x;
    }

    static double clamp01(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
