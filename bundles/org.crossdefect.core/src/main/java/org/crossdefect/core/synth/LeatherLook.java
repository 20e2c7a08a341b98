package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/** Leather: a network of fine creases (ridged noise at two scales) over a pored brown surface. */
final class LeatherLook implements Look {

    private final ValueNoise noise;
    private final double[] base;

    LeatherLook(SplittableRandom rng) {
        noise = new ValueNoise(rng.nextLong());
        base = Look.jitter(rng, 0.04, 128, 78, 50);
    }

    @Override
    public boolean paint(double u, double v, double[] rgb) {
        double coarse = ridge(noise.fractal(u * 22, v * 22, 3), 8);
        double fine = ridge(noise.fractal(u * 48 + 900, v * 48 + 900, 2), 6);
        double pores = noise.at(u * 170, v * 170);
        double cloud = noise.fractal(u * 2, v * 2, 2);
        double shade = (1 - 0.4 * coarse - 0.25 * fine) * (0.93 + 0.14 * pores) * (0.93 + 0.14 * cloud);
        Look.shade(rgb, base, shade);
        return true;
    }

    /** @return near 1 where the noise crosses its middle, a thin line: a crease */
    private static double ridge(double n, int sharpness) {
        return Math.pow(1 - Math.abs(2 * n - 1), sharpness);
    }
}
