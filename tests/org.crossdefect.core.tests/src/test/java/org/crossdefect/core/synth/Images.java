package org.crossdefect.core.synth;

import java.awt.image.BufferedImage;

/** Simple image statistics for telling synthetic images apart in tests. */
final class Images {

    private Images() {
    }

    /** @return the mean absolute difference per channel, 0..255 */
    static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    /** @return mean red, green, blue (0..255) and the mean absolute horizontal gradient of grey */
    static double[] features(BufferedImage image) {
        double[] f = new double[4];
        int w = image.getWidth();
        int h = image.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                f[0] += (p >> 16) & 0xFF;
                f[1] += (p >> 8) & 0xFF;
                f[2] += p & 0xFF;
                if (x > 0) {
                    f[3] += Math.abs(grey(p) - grey(image.getRGB(x - 1, y)));
                }
            }
        }
        f[0] /= w * h;
        f[1] /= w * h;
        f[2] /= w * h;
        f[3] /= (w - 1) * h;
        return f;
    }

    /** @return the Euclidean distance of two feature vectors */
    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private static double grey(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }
}
