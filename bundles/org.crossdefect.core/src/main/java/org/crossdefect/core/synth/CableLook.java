package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/**
 * Cable cross-section from above: a dark round sheath around a grey filler holding three
 * insulated wires (green, blue, brown) with stranded copper cores, on a light background.
 */
final class CableLook implements Look {

    private static final double OUTER = 0.42;
    private static final double SHEATH = 0.055;
    private static final double WIRE_DISTANCE = 0.195;
    private static final double WIRE = 0.14;
    private static final double CORE = 0.08;
    private static final double STRAND = CORE / 3;
    private static final double[][] INSULATION = { {70, 150, 65}, {45, 80, 170}, {130, 80, 40} };

    private final ValueNoise noise;
    private final double[] wireU = new double[3];
    private final double[] wireV = new double[3];
    private final double strandTurn;
    private final double[] background;
    private final double[] sheath;
    private final double[] filler;
    private final double[] copper;

    CableLook(SplittableRandom rng) {
        noise = new ValueNoise(rng.nextLong());
        double first = -Math.PI / 2 + Math.toRadians(10) * (2 * rng.nextDouble() - 1);
        for (int k = 0; k < 3; k++) {
            double a = first + k * 2 * Math.PI / 3;
            wireU[k] = WIRE_DISTANCE * Math.cos(a);
            wireV[k] = WIRE_DISTANCE * Math.sin(a);
        }
        strandTurn = 2 * Math.PI * rng.nextDouble();
        background = Look.jitter(rng, 0.03, 190, 188, 182);
        sheath = Look.jitter(rng, 0.05, 48, 48, 52);
        filler = Look.jitter(rng, 0.04, 140, 138, 130);
        copper = Look.jitter(rng, 0.04, 205, 135, 75);
    }

    @Override
    public boolean paint(double u, double v, double[] rgb) {
        double d = Math.hypot(u, v);
        if (d >= OUTER) {
            Look.shade(rgb, background, 0.96 + 0.08 * noise.at(u * 10, v * 10));
            return false;
        }
        if (d >= OUTER - SHEATH) {
            // A glossy ring: brightest near the middle of the sheath wall.
            double gloss = Math.exp(-square((d - (OUTER - SHEATH / 2)) / 0.012));
            Look.shade(rgb, sheath, 0.85 + 0.5 * gloss);
            return true;
        }
        for (int k = 0; k < 3; k++) {
            double du = u - wireU[k];
            double dv = v - wireV[k];
            double dk = Math.hypot(du, dv);
            if (dk < CORE) {
                Look.shade(rgb, copper, strands(du, dv));
                return true;
            }
            if (dk < WIRE) {
                double across = (dk - CORE) / (WIRE - CORE) * 2 - 1;
                Look.shade(rgb, INSULATION[k], 0.75 + 0.25 * Math.sqrt(1 - across * across));
                return true;
            }
        }
        Look.shade(rgb, filler, 0.85 + 0.3 * noise.at(u * 60, v * 60));
        return true;
    }

    /** @return the shade of a seven-strand core: round strands, dark gaps between them */
    private double strands(double du, double dv) {
        double nearest = Math.hypot(du, dv);
        for (int s = 0; s < 6; s++) {
            double a = strandTurn + s * Math.PI / 3;
            double su = 2 * STRAND * Math.cos(a);
            double sv = 2 * STRAND * Math.sin(a);
            nearest = Math.min(nearest, Math.hypot(du - su, dv - sv));
        }
        double r = Math.min(1, nearest / STRAND);
        return 0.45 + 0.6 * Math.sqrt(1 - r * r);
    }

    private static double square(double x) {
        return x * x;
    }
}
