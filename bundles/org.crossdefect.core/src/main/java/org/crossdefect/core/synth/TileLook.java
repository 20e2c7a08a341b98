package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/** Square ceramic tiles with grout lines, a bevel at each tile edge and dark/light speckles. */
final class TileLook implements Look {

    /** Four tiles per image side. */
    private static final double TILE = 0.25;
    private static final double GROUT = 0.02;
    private static final double BEVEL = 0.012;

    private final ValueNoise noise;
    private final long tileSeed;
    private final double[] tile;
    private final double[] grout;

    TileLook(SplittableRandom rng) {
        noise = new ValueNoise(rng.nextLong());
        tileSeed = rng.nextLong();
        tile = Look.jitter(rng, 0.03, 202, 200, 194);
        grout = Look.jitter(rng, 0.03, 100, 97, 92);
    }

    @Override
    public boolean paint(double u, double v, double[] rgb) {
        double a = u / TILE;
        double b = v / TILE;
        long i = (long) Math.floor(a);
        long j = (long) Math.floor(b);
        double fu = (a - i) * TILE;
        double fv = (b - j) * TILE;
        double edge = Math.min(Math.min(fu, TILE - fu), Math.min(fv, TILE - fv));
        if (edge < GROUT / 2) {
            Look.shade(rgb, grout, 0.85 + 0.3 * noise.at(u * 70, v * 70));
            return true;
        }
        double tileShade = 1 + 0.08 * (StableHash.unit(tileSeed, i, j) - 0.5);
        double bevel = edge < GROUT / 2 + BEVEL ? 0.8 + 0.2 * (edge - GROUT / 2) / BEVEL : 1;
        double darkSpeck = smoothStep(0.7, 0.8, noise.at(u * 110, v * 110));
        double lightSpeck = smoothStep(0.72, 0.82, noise.at(u * 90 + 500, v * 90 + 500));
        double shade = tileShade * bevel * (1 - 0.35 * darkSpeck) * (1 + 0.15 * lightSpeck)
                * (0.96 + 0.08 * noise.fractal(u * 4, v * 4, 2));
        Look.shade(rgb, tile, shade);
        return true;
    }

    static double smoothStep(double from, double to, double x) {
        double t = WoodLook.clamp01((x - from) / (to - from));
        return t * t * (3 - 2 * t);
    }
}
