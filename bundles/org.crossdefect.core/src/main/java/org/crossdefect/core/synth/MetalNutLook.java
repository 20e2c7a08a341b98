package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/**
 * A grey metallic hexagon nut seen from above: turned (concentric) surface marks, a specular
 * sheen, a dark background showing through the bore.
 */
final class MetalNutLook implements Look {

    private static final double SIXTH = Math.PI / 3;
    /** Unit light direction in the image plane, from the upper left. */
    private static final double LX = -0.6;
    private static final double LY = -0.8;

    private final ValueNoise noise;
    private final double outer;
    private final double bore;
    private final double turn;
    private final double[] metal;
    private final double[] background;

    MetalNutLook(SplittableRandom rng) {
        noise = new ValueNoise(rng.nextLong());
        outer = 0.38 + 0.015 * (2 * rng.nextDouble() - 1);
        bore = 0.15;
        turn = SIXTH * rng.nextDouble();
        metal = Look.jitter(rng, 0.03, 150, 153, 160);
        background = Look.jitter(rng, 0.05, 26, 26, 30);
    }

    @Override
    public boolean paint(double u, double v, double[] rgb) {
        double d = Math.hypot(u, v);
        double angle = Math.atan2(v, u);
        // Distance from the centre to the hexagon's edge in this direction.
        double within = angle - turn - SIXTH * Math.floor((angle - turn) / SIXTH) - SIXTH / 2;
        double hexEdge = outer * Math.cos(SIXTH / 2) / Math.cos(within);
        if (d >= hexEdge || d <= bore) {
            Look.shade(rgb, background, 0.95 + 0.1 * noise.at(u * 8, v * 8));
            return false;
        }
        double facing = d == 0 ? 0 : (u * LX + v * LY) / d;
        double sheen = 0.55 + 0.25 * facing + 0.4 * Math.pow(Math.max(0, facing), 6);
        double turned = 0.9 + 0.2 * noise.at(d * 180, 3.5);
        double bevel = Math.min(hexEdge - d, d - bore) < 0.03 ? 0.72 : 1;
        Look.shade(rgb, metal, sheen * turned * bevel);
        return true;
    }
}
