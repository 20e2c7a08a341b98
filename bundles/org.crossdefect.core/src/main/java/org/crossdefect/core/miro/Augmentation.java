package org.crossdefect.core.miro;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import org.crossdefect.core.image.Normalization;
import org.crossdefect.core.image.PillowResize;
import org.crossdefect.core.image.RgbPixels;

/**
 * MIRO's (DomainBed's) training augmentation on 8-bit RGB planes, seeded: the paper's resize to
 * {@code resize x resize}, a random resized crop (area 0.7-1.0 of the image, aspect 3/4-4/3) to
 * {@code crop x crop}, a horizontal flip (p 0.5), colour jitter (brightness, contrast, saturation
 * and hue by up to 0.3, in a random order) and grayscale (p 0.1). Validation images take the plain
 * resize and centre crop instead ({@link org.crossdefect.core.image.Preprocessing}).
 */
final class Augmentation {

    static final double MIN_AREA = 0.7;
    static final double JITTER = 0.3;
    static final double GRAYSCALE = 0.1;

    private final int resize;
    private final int crop;
    private final Normalization normalization;

    Augmentation(int resize, int crop, Normalization normalization) {
        this.resize = resize;
        this.crop = crop;
        this.normalization = normalization;
    }

    /** Writes one augmented, normalised CHW image into {@code out} from {@code offset}. */
    void apply(BufferedImage image, SplittableRandom random, float[] out, int offset) {
        int[][] planes = PillowResize.resize(RgbPixels.of(image), image.getWidth(), image.getHeight(), resize, resize);
        int[] box = cropBox(random);
        int[][] cut = new int[3][box[2] * box[3]];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < box[3]; y++) {
                System.arraycopy(planes[c], (box[1] + y) * resize + box[0], cut[c], y * box[2], box[2]);
            }
        }
        int[][] rgb = PillowResize.resize(cut, box[2], box[3], crop, crop);
        int n = crop * crop;
        float[][] x = new float[3][n];
        boolean flip = random.nextDouble() < 0.5;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < crop; y++) {
                for (int i = 0; i < crop; i++) {
                    x[c][y * crop + i] = rgb[c][y * crop + (flip ? crop - 1 - i : i)] / 255f;
                }
            }
        }
        jitter(x, random);
        if (random.nextDouble() < GRAYSCALE) {
            float[] g = gray(x);
            x = new float[][] {g, g.clone(), g.clone()};
        }
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                int u = Math.round(Math.min(1f, Math.max(0f, x[c][i])) * 255f);
                out[offset + c * n + i] = normalization.apply(c, u);
            }
        }
    }

    /** @return x, y, width, height of a random crop of the resized image (torchvision's rule) */
    int[] cropBox(SplittableRandom random) {
        double area = (double) resize * resize;
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * random.nextDouble(MIN_AREA, 1.0);
            double ratio = Math.exp(random.nextDouble(Math.log(3.0 / 4), Math.log(4.0 / 3)));
            int w = (int) Math.round(Math.sqrt(target * ratio));
            int h = (int) Math.round(Math.sqrt(target / ratio));
            if (w > 0 && h > 0 && w <= resize && h <= resize) {
                int x = random.nextInt(resize - w + 1);
                int y = random.nextInt(resize - h + 1);
                return new int[] {x, y, w, h};
            }
        }
        return new int[] {0, 0, resize, resize};
    }

    private static void jitter(float[][] x, SplittableRandom random) {
        int[] order = {0, 1, 2, 3};
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double brightness = random.nextDouble(1 - JITTER, 1 + JITTER);
        double contrast = random.nextDouble(1 - JITTER, 1 + JITTER);
        double saturation = random.nextDouble(1 - JITTER, 1 + JITTER);
        double hue = random.nextDouble(-JITTER, JITTER);
        for (int op : order) {
            switch (op) {
                case 0 -> blend(x, null, 0, brightness);
                case 1 -> {
                    float[] g = gray(x);
                    double mean = 0;
                    for (float v : g) {
                        mean += v;
                    }
                    blend(x, null, (float) (mean / g.length), contrast);
                }
                case 2 -> blend(x, gray(x), 0, saturation);
                default -> shiftHue(x, hue);
            }
        }
    }

    /** x = f x + (1 - f) other (other: a per-pixel image, or the constant {@code value}), clipped to [0, 1]. */
    private static void blend(float[][] x, float[] other, float value, double f) {
        for (float[] plane : x) {
            for (int i = 0; i < plane.length; i++) {
                double o = other == null ? value : other[i];
                plane[i] = (float) Math.min(1, Math.max(0, f * plane[i] + (1 - f) * o));
            }
        }
    }

    private static float[] gray(float[][] x) {
        float[] g = new float[x[0].length];
        for (int i = 0; i < g.length; i++) {
            g[i] = 0.299f * x[0][i] + 0.587f * x[1][i] + 0.114f * x[2][i];
        }
        return g;
    }

    /** Rotates each pixel's hue by {@code shift} of a full turn (through HSV, as torchvision). */
    private static void shiftHue(float[][] x, double shift) {
        for (int i = 0; i < x[0].length; i++) {
            float r = x[0][i];
            float g = x[1][i];
            float b = x[2][i];
            float max = Math.max(r, Math.max(g, b));
            float min = Math.min(r, Math.min(g, b));
            float delta = max - min;
            if (delta <= 0) {
                continue; // grey: no hue to turn
            }
            double h;
            if (max == r) {
                h = ((g - b) / delta) / 6.0;
            } else if (max == g) {
                h = ((b - r) / delta + 2) / 6.0;
            } else {
                h = ((r - g) / delta + 4) / 6.0;
            }
            h = h + shift;
            h -= Math.floor(h);
            double s = delta / max;
            double v = max;
            double sector = h * 6;
            int k = (int) Math.floor(sector) % 6;
            double f = sector - Math.floor(sector);
            double p = v * (1 - s);
            double q = v * (1 - s * f);
            double t = v * (1 - s * (1 - f));
            double[] rgb = switch (k) {
                case 0 -> new double[] {v, t, p};
                case 1 -> new double[] {q, v, p};
                case 2 -> new double[] {p, v, t};
                case 3 -> new double[] {p, q, v};
                case 4 -> new double[] {t, p, v};
                default -> new double[] {v, p, q};
            };
            x[0][i] = (float) rgb[0];
            x[1][i] = (float) rgb[1];
            x[2][i] = (float) rgb[2];
        }
    }
}
