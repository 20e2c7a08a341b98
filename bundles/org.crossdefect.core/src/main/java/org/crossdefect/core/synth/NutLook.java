package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/** A brown, sphere-shaded nut with a slightly irregular outline on a dark background. */
final class NutLook implements Look {

    /** Unit light direction from the upper left, towards the viewer. */
    private static final double LX = -0.45;
    private static final double LY = -0.5;
    private static final double LZ = 0.74;

    private final ValueNoise noise;
    private final double radius;
    private final double[] shell;
    private final double[] background;

    NutLook(SplittableRandom rng) {
        noise = new ValueNoise(rng.nextLong());
        radius = 0.35 + 0.02 * (2 * rng.nextDouble() - 1);
        shell = Look.jitter(rng, 0.05, 168, 110, 60);
        background = Look.jitter(rng, 0.05, 24, 22, 22);
    }

    @Override
    public boolean paint(double u, double v, double[] rgb) {
        double d = Math.hypot(u, v);
        double outline = radius * (1 + 0.08 * (noise.around(Math.atan2(v, u), 1.2) - 0.5));
        if (d >= outline) {
            Look.shade(rgb, background, 0.95 + 0.1 * noise.at(u * 8, v * 8));
            return false;
        }
        double px = u / outline;
        double py = v / outline;
        double pz = Math.sqrt(Math.max(0, 1 - px * px - py * py));
        double lambert = Math.max(0, LX * px + LY * py + LZ * pz);
        double streaks = noise.fractal(u * 30, v * 8, 2);
        Look.shade(rgb, shell, (0.22 + 0.85 * lambert) * (0.85 + 0.3 * streaks));
        return true;
    }
}
