package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/** A white capsule-shaped pill with small red-brown specks, lying on a dark background. */
final class PillLook implements Look {

    private final ValueNoise noise;
    /** Distance from the centre to each cap's centre along the pill's axis. */
    private final double halfLength;
    private final double radius;
    private final double[] white;
    private final double[] background;
    private final double[][] specks;

    PillLook(SplittableRandom rng) {
        noise = new ValueNoise(rng.nextLong());
        halfLength = 0.27 + 0.01 * (2 * rng.nextDouble() - 1);
        radius = 0.145 + 0.008 * (2 * rng.nextDouble() - 1);
        white = Look.jitter(rng, 0.02, 238, 234, 226);
        background = Look.jitter(rng, 0.05, 32, 30, 30);
        specks = new double[30 + rng.nextInt(21)][];
        for (int s = 0; s < specks.length; s++) {
            double su;
            double sv;
            do {
                su = (halfLength + radius) * (2 * rng.nextDouble() - 1);
                sv = radius * (2 * rng.nextDouble() - 1);
            } while (distanceToAxis(su, sv) > 0.85 * radius);
            double size = 0.0035 + 0.0045 * rng.nextDouble();
            specks[s] = new double[] {su, sv, size, 160 + 30 * rng.nextDouble(), 60 + 25 * rng.nextDouble(), 55};
        }
    }

    @Override
    public boolean paint(double u, double v, double[] rgb) {
        double dist = distanceToAxis(u, v);
        if (dist >= radius) {
            Look.shade(rgb, background, 0.95 + 0.1 * noise.at(u * 8, v * 8));
            return false;
        }
        double r = dist / radius;
        double height = Math.sqrt(1 - r * r);
        double shade = (0.6 + 0.3 * height - 0.12 * v / radius) * (0.97 + 0.06 * noise.at(u * 120, v * 120));
        Look.shade(rgb, white, shade);
        for (double[] speck : specks) {
            double sd = Math.hypot(u - speck[0], v - speck[1]);
            if (sd < speck[2]) {
                double cover = Math.sqrt(1 - sd / speck[2]);
                for (int c = 0; c < 3; c++) {
                    rgb[c] = ValueNoise.lerp(rgb[c], speck[3 + c] * shade, cover);
                }
            }
        }
        return true;
    }

    /** @return the distance from a point to the pill's axis segment (the capsule's skeleton) */
    private double distanceToAxis(double u, double v) {
        double onAxis = Math.max(-halfLength, Math.min(halfLength, u));
        return Math.hypot(u - onAxis, v);
    }
}
