package org.crossdefect.core.image;

/**
 * Pillow's antialiased bilinear resize of 8-bit images ({@code Image.resize(size, BILINEAR)}),
 * reproduced to the byte: the triangle filter is widened by the scale factor when shrinking,
 * coefficients are normalised and rounded to 22-bit fixed point, the horizontal pass runs first
 * and its result is rounded to 8 bits before the vertical pass.
 *
 * <p>PatchCore's reference pipeline (and the paper's) resizes with Pillow; matching it exactly
 * makes our embeddings comparable with the reference numbers instead of merely close.
 */
public final class PillowResize {

    private static final int PRECISION_BITS = 32 - 8 - 2;

    /** Filter coefficients of one axis: for output i, {@code length[i]} taps from {@code start[i]}. */
    private record Taps(int[] start, int[] length, int[] weights, int stride) {

        /** The taps of outputs {@code [from, from + count)} only. */
        Taps window(int from, int count) {
            return new Taps(java.util.Arrays.copyOfRange(start, from, from + count),
                    java.util.Arrays.copyOfRange(length, from, from + count),
                    java.util.Arrays.copyOfRange(weights, from * stride, (from + count) * stride), stride);
        }
    }

    private PillowResize() {
    }

    /**
     * Resizes planar 8-bit channels.
     *
     * @param channels one array per channel, each {@code width * height} values in 0..255, row-major
     * @return one array per channel of {@code outWidth * outHeight} values
     */
    public static int[][] resize(int[][] channels, int width, int height, int outWidth, int outHeight) {
        int[][] result = new int[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            byte[] samples = new byte[channels[c].length];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (byte) channels[c][i];
            }
            result[c] = resizedCrop(samples, 1, width, height, outWidth, outHeight, 0, 0, outWidth, outHeight)[0];
        }
        return result;
    }

    /**
     * Resizes interleaved 8-bit samples and keeps only a window of the result, computing only
     * that window: the same bytes as resizing all of it and cropping, without the resized pixels
     * the crop throws away or the source rows only they need (a quarter of the work for the
     * paper's 256 -> 224 crop).
     *
     * @param samples {@code width * height} pixels of {@code channels} samples each, row-major
     * @param left first column of the window in the resized image
     * @param top first row of the window in the resized image
     * @return one array per channel, in the samples' order, of {@code cropWidth * cropHeight} values
     */
    public static int[][] resizedCrop(byte[] samples, int channels, int width, int height, int outWidth, int outHeight,
            int left, int top, int cropWidth, int cropHeight) {
        if (left < 0 || top < 0 || left + cropWidth > outWidth || top + cropHeight > outHeight) {
            throw new IllegalArgumentException("window " + cropWidth + "x" + cropHeight + " at " + left + "," + top
                    + " is not inside " + outWidth + "x" + outHeight);
        }
        Taps horizontal = taps(width, outWidth).window(left, cropWidth);
        Taps vertical = taps(height, outHeight).window(top, cropHeight);
        // Source rows the window's output rows read; the horizontal pass runs over these only.
        int firstRow = height == outHeight ? top : vertical.start()[0];
        int lastRow = height == outHeight ? top + cropHeight
                : vertical.start()[cropHeight - 1] + vertical.length()[cropHeight - 1];
        int[][] rows;
        if (channels == 3 && outWidth != width) {
            rows = horizontalPassRgb(samples, width, firstRow, lastRow, cropWidth, horizontal);
        } else {
            rows = new int[channels][];
            for (int c = 0; c < channels; c++) {
                rows[c] = horizontalPass(samples, channels, c, width, firstRow, lastRow,
                        outWidth == width ? left : -1, cropWidth, horizontal);
            }
        }
        if (height == outHeight) {
            return rows;
        }
        int[][] result = new int[channels][];
        for (int c = 0; c < channels; c++) {
            result[c] = verticalPass(rows[c], cropWidth, firstRow, cropHeight, vertical);
        }
        return result;
    }

    /**
     * The horizontal pass of three interleaved channels at once: a tap's three samples are
     * adjacent bytes, so one pass over the photo feeds three sums (three strided passes, one per
     * channel, cost twice the time on a 900 px photo: each reloads every cache line).
     */
    private static int[][] horizontalPassRgb(byte[] in, int width, int firstRow, int lastRow, int outWidth,
            Taps taps) {
        int height = lastRow - firstRow;
        int[] first = new int[outWidth * height];
        int[] second = new int[outWidth * height];
        int[] third = new int[outWidth * height];
        int[] starts = taps.start();
        int[] lengths = taps.length();
        int[] weights = taps.weights();
        int stride = taps.stride();
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < height; y++) {
            int row = (y + firstRow) * width;
            int outRow = y * outWidth;
            for (int x = 0; x < outWidth; x++) {
                int k = x * stride;
                int from = (row + starts[x]) * 3;
                int n = lengths[x];
                int sum0 = half;
                int sum1 = half;
                int sum2 = half;
                for (int i = 0; i < n; i++) {
                    int w = weights[k + i];
                    int at = from + 3 * i;
                    sum0 += (in[at] & 0xFF) * w;
                    sum1 += (in[at + 1] & 0xFF) * w;
                    sum2 += (in[at + 2] & 0xFF) * w;
                }
                first[outRow + x] = clip8(sum0);
                second[outRow + x] = clip8(sum1);
                third[outRow + x] = clip8(sum2);
            }
        }
        return new int[][] {first, second, third};
    }

    // Both passes sum integers, so any order of the sums gives Pillow's bytes; the loops are laid
    // out for the JIT (arrays in locals, the vertical pass row by row over contiguous memory).
    /** @param copyFrom the first column to copy when the width is unchanged (no pass), else -1 */
    private static int[] horizontalPass(byte[] in, int channels, int channel, int width, int firstRow, int lastRow,
            int copyFrom, int outWidth, Taps taps) {
        int height = lastRow - firstRow;
        int[] out = new int[outWidth * height];
        if (copyFrom >= 0) {
            for (int y = 0; y < height; y++) {
                int row = ((y + firstRow) * width + copyFrom) * channels + channel;
                for (int x = 0; x < outWidth; x++) {
                    out[y * outWidth + x] = in[row + x * channels] & 0xFF;
                }
            }
            return out;
        }
        int[] starts = taps.start();
        int[] lengths = taps.length();
        int[] weights = taps.weights();
        int stride = taps.stride();
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < height; y++) {
            int row = (y + firstRow) * width;
            int outRow = y * outWidth;
            for (int x = 0; x < outWidth; x++) {
                int k = x * stride;
                int from = (row + starts[x]) * channels + channel;
                int n = lengths[x];
                int sum = half;
                for (int i = 0; i < n; i++) {
                    sum += (in[from + i * channels] & 0xFF) * weights[k + i];
                }
                out[outRow + x] = clip8(sum);
            }
        }
        return out;
    }

    /** @param firstRow the source row {@code in} starts at */
    private static int[] verticalPass(int[] in, int width, int firstRow, int outHeight, Taps taps) {
        int[] out = new int[width * outHeight];
        int[] starts = taps.start();
        int[] lengths = taps.length();
        int[] weights = taps.weights();
        int stride = taps.stride();
        int[] sums = new int[width];
        for (int y = 0; y < outHeight; y++) {
            java.util.Arrays.fill(sums, 1 << (PRECISION_BITS - 1));
            int k = y * stride;
            for (int i = 0; i < lengths[y]; i++) {
                int w = weights[k + i];
                int from = (starts[y] - firstRow + i) * width;
                for (int x = 0; x < width; x++) {
                    sums[x] += in[from + x] * w;
                }
            }
            int outRow = y * width;
            for (int x = 0; x < width; x++) {
                out[outRow + x] = clip8(sums[x]);
            }
        }
        return out;
    }

    private static int clip8(int value) {
        if (value >= (1 << PRECISION_BITS) << 8) {
            return 255;
        }
        if (value <= 0) {
            return 0;
        }
        return value >> PRECISION_BITS;
    }

    /** Pillow's {@code precompute_coeffs} with the bilinear filter (support 1), then fixed point. */
    private static Taps taps(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filterScale;
        int stride = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[outSize];
        int[] length = new int[outSize];
        int[] weights = new int[outSize * stride];
        double[] k = new double[stride];
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterScale;
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
            double sum = 0;
            for (int x = 0; x < xmax; x++) {
                double w = triangle((x + xmin - center + 0.5) * ss);
                k[x] = w;
                sum += w;
            }
            for (int x = 0; x < xmax; x++) {
                double normalised = sum != 0 ? k[x] / sum : k[x];
                weights[xx * stride + x] = normalised < 0
                        ? (int) (-0.5 + normalised * (1 << PRECISION_BITS))
                        : (int) (0.5 + normalised * (1 << PRECISION_BITS));
            }
            start[xx] = xmin;
            length[xx] = xmax;
        }
        return new Taps(start, length, weights, stride);
    }

    private static double triangle(double x) {
        double a = Math.abs(x);
        return a < 1.0 ? 1.0 - a : 0.0;
    }
}
