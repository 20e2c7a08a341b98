package org.crossdefect.core.patchcore;

/**
 * PatchCore's pixel-level anomaly map: the patch scores upsampled bilinearly (align_corners
 * false) to the input crop, then smoothed with a Gaussian (sigma 4, kernel radius 4 sigma,
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
        float[] out = new float[outH * outW];
        for (int y = 0; y < outH; y++) {
            double sy = Math.max((y + 0.5) * gh / outH - 0.5, 0);
            int y0 = Math.min((int) sy, gh - 1);
            int y1 = Math.min(y0 + 1, gh - 1);
            double fy = sy - y0;
            for (int x = 0; x < outW; x++) {
                double sx = Math.max((x + 0.5) * gw / outW - 0.5, 0);
                int x0 = Math.min((int) sx, gw - 1);
                int x1 = Math.min(x0 + 1, gw - 1);
                double fx = sx - x0;
                double top = grid[y0 * gw + x0] * (1 - fx) + grid[y0 * gw + x1] * fx;
                double bottom = grid[y1 * gw + x0] * (1 - fx) + grid[y1 * gw + x1] * fx;
                out[y * outW + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
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
