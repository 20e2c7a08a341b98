package org.crossdefect.core.synth;

/**
 * The appearance of one style for one image, as a colour at every point. Coordinates are in
 * image sides (the image is one unit wide) after the image's {@link Variation} moved and turned
 * them, so a look is the same at every image size.
 */
interface Look {

    /**
     * Writes the colour (0..255 per channel) at (u, v) into {@code rgb}.
     *
     * @return whether the point belongs to the object (always true for textures)
     */
    boolean paint(double u, double v, double[] rgb);

    /** Writes a base colour scaled by a shade; the common case of every look. */
    static void shade(double[] rgb, double[] base, double shade) {
        rgb[0] = base[0] * shade;
        rgb[1] = base[1] * shade;
        rgb[2] = base[2] * shade;
    }

    /** @return a base colour with each channel jittered by up to {@code amount} (relative) */
    static double[] jitter(java.util.SplittableRandom rng, double amount, double r, double g, double b) {
        return new double[] {
            r * (1 + amount * (2 * rng.nextDouble() - 1)),
            g * (1 + amount * (2 * rng.nextDouble() - 1)),
            b * (1 + amount * (2 * rng.nextDouble() - 1)) };
    }
}
