package org.crossdefect.core.synth;

import java.awt.Color;
import java.util.SplittableRandom;

/**
 * A colour defect: a soft-edged stain that tints the surface towards a saturated colour of a
 * clearly different hue while keeping its brightness pattern, so the texture shows through.
 */
final class StainDefect {

    /** Below this saturation a surface has no hue worth rotating; a random hue is used. */
    private static final float GREY = 0.15f;

    private StainDefect() {
    }

    static boolean[] paint(Canvas canvas, SplittableRandom rng) {
        int size = canvas.size;
        double radius = size * (0.06 + 0.08 * rng.nextDouble());
        int centre = DefectPainter.pickCentre(canvas, rng, radius * 0.8);
        NoisyEllipse shape = new NoisyEllipse(centre % size + 0.5, centre / size + 0.5, radius, 0.35, rng);
        // Alpha falls from 1 (q <= 0.7) to 0 (q >= 1.3) and is exactly 0.5 on the outline q = 1.
        int reach = (int) Math.ceil(shape.reach(1.3));
        int x0 = Math.max(0, centre % size - reach);
        int x1 = Math.min(size - 1, centre % size + reach);
        int y0 = Math.max(0, centre / size - reach);
        int y1 = Math.min(size - 1, centre / size + reach);

        float hue = stainHue(canvas, shape, x0, x1, y0, y1, rng);
        float saturation = (float) (0.7 + 0.25 * rng.nextDouble());
        double strength = 0.85 + 0.15 * rng.nextDouble();

        boolean[] mask = new boolean[size * size];
        float[] hsb = new float[3];
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int i = y * size + x;
                if (!canvas.object[i]) {
                    continue;
                }
                double alpha = 1 - TileLook.smoothStep(0.7, 1.3, shape.relativeDistance(x, y));
                if (alpha <= 0) {
                    continue;
                }
                Color.RGBtoHSB(to8Bit(canvas.red[i]), to8Bit(canvas.green[i]), to8Bit(canvas.blue[i]), hsb);
                float brightness = Math.max(0.35f, Math.min(0.95f, hsb[2]));
                int tint = Color.HSBtoRGB(hue, saturation, brightness);
                double t = alpha * strength;
                canvas.set(i,
                        ValueNoise.lerp(canvas.red[i], (tint >> 16) & 0xFF, t),
                        ValueNoise.lerp(canvas.green[i], (tint >> 8) & 0xFF, t),
                        ValueNoise.lerp(canvas.blue[i], tint & 0xFF, t));
                mask[i] = alpha >= 0.5;
            }
        }
        return mask;
    }

    /**
     * @return the stain's hue (0..1): the surface's dominant hue turned by 60-180 degrees either
     *     way, or any hue where the surface is grey
     */
    private static float stainHue(Canvas canvas, NoisyEllipse shape, int x0, int x1, int y0, int y1,
            SplittableRandom rng) {
        // Hue is an angle: average it as saturation-weighted unit vectors, so the near-random
        // hue of grey pixels hardly counts.
        double sumX = 0;
        double sumY = 0;
        double sumSaturation = 0;
        int count = 0;
        float[] hsb = new float[3];
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int i = y * canvas.size + x;
                if (canvas.object[i] && shape.relativeDistance(x, y) < 1) {
                    Color.RGBtoHSB(to8Bit(canvas.red[i]), to8Bit(canvas.green[i]), to8Bit(canvas.blue[i]), hsb);
                    sumX += hsb[1] * Math.cos(2 * Math.PI * hsb[0]);
                    sumY += hsb[1] * Math.sin(2 * Math.PI * hsb[0]);
                    sumSaturation += hsb[1];
                    count++;
                }
            }
        }
        double turn = (60 + 120 * rng.nextDouble()) / 360 * (rng.nextBoolean() ? 1 : -1);
        double anyHue = rng.nextDouble();
        if (count == 0 || sumSaturation / count < GREY) {
            return (float) anyHue;
        }
        double hue = Math.atan2(sumY, sumX) / (2 * Math.PI) + turn;
        return (float) (hue - Math.floor(hue));
    }

    private static int to8Bit(double v) {
        return Math.max(0, Math.min(255, (int) Math.round(v)));
    }
}
