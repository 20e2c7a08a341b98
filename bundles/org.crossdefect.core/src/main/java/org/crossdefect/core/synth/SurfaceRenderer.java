package org.crossdefect.core.synth;

import java.util.Locale;
import java.util.SplittableRandom;

/** Draws one defect-free image of a style: a fresh variation of the style's look. */
final class SurfaceRenderer {

    private SurfaceRenderer() {
    }

    /**
     * @param category the category's name; only used to tell metal nuts from other round objects
     * @param rng the image's own random source; everything random about the image comes from it
     */
    static Canvas render(SurfaceStyle style, String category, int size, SplittableRandom rng) {
        Variation variation = style.isObject() ? Variation.forObject(rng) : Variation.forTexture(rng);
        Look look = lookOf(style, category, variation, rng);
        Canvas canvas = new Canvas(size);
        double[] rgb = new double[3];
        for (int y = 0; y < size; y++) {
            double cy = (y + 0.5) / size - 0.5;
            for (int x = 0; x < size; x++) {
                double cx = (x + 0.5) / size - 0.5;
                int index = y * size + x;
                canvas.object[index] = look.paint(variation.u(cx, cy), variation.v(cx, cy), rgb);
                canvas.set(index, rgb[0], rgb[1], rgb[2]);
            }
        }
        // Lighting and white balance differ a little from shot to shot.
        double brightness = 1 + 0.05 * (2 * rng.nextDouble() - 1);
        canvas.scale(brightness * (1 + 0.02 * Gaussian.next(rng)),
                brightness * (1 + 0.02 * Gaussian.next(rng)),
                brightness * (1 + 0.02 * Gaussian.next(rng)));
        return canvas;
    }

    private static Look lookOf(SurfaceStyle style, String category, Variation variation, SplittableRandom rng) {
        return switch (style) {
            case WOVEN_FABRIC -> new FabricLook(rng);
            case WOOD_GRAIN -> new WoodLook(rng, variation);
            case TILES -> new TileLook(rng);
            case SPECKLED_STONE -> new StoneLook(rng);
            case ROUND_OBJECT -> category.toLowerCase(Locale.ROOT).contains("metal")
                    ? new MetalNutLook(rng) : new NutLook(rng);
            case LEATHER -> new LeatherLook(rng);
            case CABLE -> new CableLook(rng);
            case PILL -> new PillLook(rng);
        };
    }
}
