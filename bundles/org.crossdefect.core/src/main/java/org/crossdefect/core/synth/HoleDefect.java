package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/** A hole: a dark, roughly elliptical opening with a torn rim around it. */
final class HoleDefect {

    private static final double[] OPENING = {14, 11, 10};
    private static final double[] LIGHT_RIM = {232, 222, 208};
    private static final double LIGHT_RIM_LUMINANCE = 0.299 * 232 + 0.587 * 222 + 0.114 * 208;
    /** Above this mean luminance a light rim would hardly show, so the rim is darkened instead. */
    private static final double BRIGHT_SURFACE = 140;

    private HoleDefect() {
    }

    static boolean[] paint(Canvas canvas, SplittableRandom rng) {
        int size = canvas.size;
        double radius = size * (0.04 + 0.06 * rng.nextDouble());
        double rim = 0.25 + 0.2 * rng.nextDouble();
        int centre = DefectPainter.pickCentre(canvas, rng, radius * (1 + rim) * 1.1);
        NoisyEllipse shape = new NoisyEllipse(centre % size + 0.5, centre / size + 0.5, radius, 0.3, rng);
        int reach = (int) Math.ceil(shape.reach(1 + rim));
        int x0 = Math.max(0, centre % size - reach);
        int x1 = Math.min(size - 1, centre % size + reach);
        int y0 = Math.max(0, centre / size - reach);
        int y1 = Math.min(size - 1, centre / size + reach);
        boolean darkRim = meanLuminance(canvas, x0, x1, y0, y1) > BRIGHT_SURFACE;

        boolean[] mask = new boolean[size * size];
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int i = y * size + x;
                if (!canvas.object[i]) {
                    continue;
                }
                double q = shape.relativeDistance(x, y);
                if (q < 1) {
                    // Deepest (darkest) in the middle, a little of the surface colour near the edge.
                    double depth = 0.6 + 0.8 * q;
                    canvas.set(i,
                            OPENING[0] * depth + 0.05 * canvas.red[i],
                            OPENING[1] * depth + 0.05 * canvas.green[i],
                            OPENING[2] * depth + 0.05 * canvas.blue[i]);
                    mask[i] = true;
                } else if (q < 1 + rim) {
                    // The rim fades outwards but stays a clear change to its outer edge.
                    paintRim(canvas, i, 0.85 - 0.35 * (q - 1) / rim, darkRim);
                    mask[i] = true;
                }
            }
        }
        return mask;
    }

    /**
     * Darkens or lightens one rim pixel. The whole rim goes one way, chosen by the surface's
     * brightness, except single pixels that would barely change that way (a dark speck under a
     * dark rim), which go the other way, so every masked pixel really differs from the surface.
     */
    private static void paintRim(Canvas canvas, int i, double strength, boolean darkRim) {
        double lum = canvas.luminance(i);
        double darkening = 0.55 * strength * lum;
        double lightening = strength * (LIGHT_RIM_LUMINANCE - lum);
        boolean darken = darkRim ? darkening >= 0.5 * lightening : darkening > 2 * lightening;
        if (darken) {
            double keep = 1 - 0.55 * strength;
            canvas.set(i, canvas.red[i] * keep, canvas.green[i] * keep, canvas.blue[i] * keep);
        } else {
            canvas.set(i,
                    ValueNoise.lerp(canvas.red[i], LIGHT_RIM[0], strength),
                    ValueNoise.lerp(canvas.green[i], LIGHT_RIM[1], strength),
                    ValueNoise.lerp(canvas.blue[i], LIGHT_RIM[2], strength));
        }
    }

    private static double meanLuminance(Canvas canvas, int x0, int x1, int y0, int y1) {
        double sum = 0;
        int count = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int i = y * canvas.size + x;
                if (canvas.object[i]) {
                    sum += canvas.luminance(i);
                    count++;
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
