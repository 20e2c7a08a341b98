package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/** Granite-like stone: two layers of irregular grains, each grain one of a few mineral colours. */
final class StoneLook implements Look {

    private static final double FINE_GRAIN = 1.0 / 60;
    private static final double COARSE_GRAIN = 1.0 / 23;
    private static final double[][] MINERALS = {
        {95, 92, 96}, {168, 160, 152}, {215, 205, 192}, {150, 100, 88}, {55, 55, 60} };

    private final ValueNoise noise;
    private final long grainSeed;
    private final double tint;

    StoneLook(SplittableRandom rng) {
        noise = new ValueNoise(rng.nextLong());
        grainSeed = rng.nextLong();
        tint = 1 + 0.04 * (2 * rng.nextDouble() - 1);
    }

    @Override
    public boolean paint(double u, double v, double[] rgb) {
        // Warping the grain lattice turns square cells into irregular grains.
        double wu = 0.6 * (noise.at(u * 40, v * 40) - 0.5);
        double wv = 0.6 * (noise.at(u * 40 + 300, v * 40 + 300) - 0.5);
        double[] fine = mineral(u / FINE_GRAIN + wu * 2, v / FINE_GRAIN + wv * 2, 0);
        double[] coarse = mineral(u / COARSE_GRAIN + wu, v / COARSE_GRAIN + wv, 1);
        double shade = tint * (0.88 + 0.24 * noise.at(u * 150, v * 150)) * (0.9 + 0.2 * noise.fractal(u * 3, v * 3, 2));
        for (int c = 0; c < 3; c++) {
            rgb[c] = (0.6 * fine[c] + 0.4 * coarse[c]) * shade;
        }
        return true;
    }

    private double[] mineral(double a, double b, int layer) {
        double pick = StableHash.unit(grainSeed + layer, (long) Math.floor(a), (long) Math.floor(b));
        return MINERALS[(int) (pick * MINERALS.length)];
    }
}
