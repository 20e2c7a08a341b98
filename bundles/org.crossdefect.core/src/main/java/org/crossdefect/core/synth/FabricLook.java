package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/** Plain weave: horizontal and vertical threads alternate on top in a checkerboard. */
final class FabricLook implements Look {

    /** One thread crossing per period; about 18 px at 256. */
    private static final double PERIOD = 1.0 / 14;
    /** Half the thread width relative to the period; the rest is the gap between threads. */
    private static final double HALF_THREAD = 0.42;

    private final ValueNoise noise;
    private final double[] warp;
    private final double[] weft;
    private final double[] gap;

    FabricLook(SplittableRandom rng) {
        noise = new ValueNoise(rng.nextLong());
        warp = Look.jitter(rng, 0.04, 168, 142, 116);
        weft = Look.jitter(rng, 0.04, 140, 118, 102);
        gap = new double[] {55, 46, 40};
    }

    @Override
    public boolean paint(double u, double v, double[] rgb) {
        double gu = u / PERIOD;
        double gv = v / PERIOD;
        long i = (long) Math.floor(gu);
        long j = (long) Math.floor(gv);
        double fu = gu - i;
        double fv = gv - j;
        double acrossHorizontal = profile(fv);
        double acrossVertical = profile(fu);
        boolean horizontalOnTop = ((i + j) & 1) == 0;
        boolean horizontal;
        double across;
        if (horizontalOnTop ? acrossHorizontal > 0 : acrossVertical <= 0) {
            horizontal = true;
            across = acrossHorizontal;
        } else {
            horizontal = false;
            across = acrossVertical;
        }
        if (across <= 0) {
            Look.shade(rgb, gap, 0.9 + 0.2 * noise.at(u * 90, v * 90));
            return true;
        }
        // A thread rises over its crossing and dips at the cell edges where it goes under.
        double along = horizontal ? fu : fv;
        double arch = 0.8 + 0.2 * Math.sin(Math.PI * along);
        double fibre = horizontal ? noise.at(u * 160, v * 25) : noise.at(u * 25, v * 160);
        double cloud = noise.fractal(u * 3, v * 3, 2);
        double shade = across * arch * (0.85 + 0.3 * fibre) * (0.92 + 0.16 * cloud);
        Look.shade(rgb, horizontal ? weft : warp, shade);
        return true;
    }

    /** @return the brightness across a thread (round cross-section), or -1 outside it */
    private static double profile(double f) {
        double d = Math.abs(f - 0.5) / HALF_THREAD;
        return d >= 1 ? -1 : 0.45 + 0.55 * Math.sqrt(1 - d * d);
    }
}
