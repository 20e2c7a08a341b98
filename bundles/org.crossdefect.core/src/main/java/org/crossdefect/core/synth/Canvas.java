package org.crossdefect.core.synth;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A square RGB image being drawn, in floating point so blending does not lose precision before
 * the final rounding, with the region defects may be placed on.
 */
final class Canvas {

    final int size;
    final float[] red;
    final float[] green;
    final float[] blue;
    /** Pixels of the object (all pixels for texture styles); defects never leave this region. */
    final boolean[] object;

    Canvas(int size) {
        this.size = size;
        int n = size * size;
        red = new float[n];
        green = new float[n];
        blue = new float[n];
        object = new boolean[n];
        Arrays.fill(object, true);
    }

    void set(int index, double r, double g, double b) {
        red[index] = (float) r;
        green[index] = (float) g;
        blue[index] = (float) b;
    }

    double luminance(int index) {
        return 0.299 * red[index] + 0.587 * green[index] + 0.114 * blue[index];
    }

    /** Scales each channel of every pixel: the per-image colour and brightness jitter. */
    void scale(double r, double g, double b) {
        for (int i = 0; i < red.length; i++) {
            red[i] *= (float) r;
            green[i] *= (float) g;
            blue[i] *= (float) b;
        }
    }

    /** Adds independent Gaussian noise to every channel, like a camera sensor. */
    void addSensorNoise(SplittableRandom rng, double sigma) {
        for (int i = 0; i < red.length; i++) {
            red[i] += (float) (sigma * Gaussian.next(rng));
            green[i] += (float) (sigma * Gaussian.next(rng));
            blue[i] += (float) (sigma * Gaussian.next(rng));
        }
    }

    /** @return the canvas as an 8-bit RGB image, clamped and rounded */
    BufferedImage toImage() {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] packed = new int[red.length];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = (to8Bit(red[i]) << 16) | (to8Bit(green[i]) << 8) | to8Bit(blue[i]);
        }
        image.setRGB(0, 0, size, size, packed, 0, size);
        return image;
    }

    private static int to8Bit(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
