package org.crossdefect.core.score;

import org.crossdefect.core.image.Bilinear;

/**
 * PatchCore's pixel-level anomaly map: the patch scores upsampled bilinearly ({@link Bilinear})
 * to the input crop, then smoothed with a Gaussian (sigma 4, kernel radius 4 sigma,
 * reflected borders) as PatchCore and anomalib do.
 */
public final class AnomalyMap {

    public static final double SIGMA = 4.0;

    private AnomalyMap() {
    }

    /** @return {@code size x size} values, row-major */
    public static float[] of(ImageScore score, int size) {
        float[] up = upsample(score.patchScores(), score.gridHeight(), score.gridWidth(), size, size);
        return blur(up, size, size, SIGMA);
    }

    static float[] upsample(float[] grid, int gh, int gw, int outH, int outW) {
        return Bilinear.upsample(grid, gh, gw, outH, outW);
    }

    static float[] blur(float[] image, int h, int w, double sigma) {
        int radius = (int) (4 * sigma + 0.5);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        float[] horizontal = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    acc += kernel[k + radius] * image[y * w + reflect(x + k, w)];
                }
                horizontal[y * w + x] = (float) acc;
            }
        }
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    acc += kernel[k + radius] * horizontal[reflect(y + k, h) * w + x];
                }
                out[y * w + x] = (float) acc;
            }
        }
        return out;
    }

    /** Reflection without repeating the edge (PyTorch's "reflect" padding). */
    private static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
