package org.crossdefect.core.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.score.AnomalyMap;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.files.AtomicFiles;

/**
 * Heatmap overlays for people: the input crop, the anomaly map in a blue-to-red colour scale
 * blended over it, and the ground-truth mask's outline in white. Maps of one run share one
 * colour scale ({@code low..high}) so images can be compared.
 */
public final class Heatmaps {

    /**
     * Predictions with their anomaly maps, each computed once, and the colour scale they share
     * (the lowest to the highest map value).
     */
    public record Scaled(List<Prediction> predictions, List<float[]> maps, double low, double high,
            Preprocessing preprocessing) {

        /** @return the heatmap of prediction {@code i} as PNG bytes */
        public byte[] png(int i) throws IOException {
            return Heatmaps.png(predictions.get(i), maps.get(i), preprocessing, low, high);
        }

        /** Writes the heatmap of prediction {@code i}. */
        public void write(int i, Path file) throws IOException {
            Heatmaps.write(predictions.get(i), maps.get(i), preprocessing, low, high, file);
        }
    }

    private Heatmaps() {
    }

    /** Computes every prediction's anomaly map at the crop size and their common scale. */
    public static Scaled scaled(List<Prediction> predictions, Preprocessing preprocessing) {
        List<float[]> maps = new ArrayList<>(predictions.size());
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (float[] map : AnomalyMap.of(predictions.stream().map(Prediction::score).toList(), preprocessing.crop())) {
            maps.add(map);
            for (float v : map) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        return new Scaled(List.copyOf(predictions), maps, predictions.isEmpty() ? 0 : low,
                predictions.isEmpty() ? 1 : high, preprocessing);
    }

    /** @param map the prediction's anomaly map at the crop size, when the caller has it already */
    public static void write(Prediction prediction, float[] map, Preprocessing preprocessing, double low, double high,
            Path file) throws IOException {
        byte[] png = png(prediction, map, preprocessing, low, high);
        AtomicFiles.writeFile(file, tmp -> Files.write(tmp, png));
    }

    /** @return the heatmap overlay as the bytes of a PNG file (a KNIME image cell, a file) */
    public static byte[] png(Prediction prediction, float[] map, Preprocessing preprocessing, double low, double high)
            throws IOException {
        int size = preprocessing.crop();
        int[][] rgb = preprocessing.resizedCrop(ImageFiles.readImage(prediction.image()));
        boolean[] outline = prediction.image().mask() == null ? new boolean[size * size]
                : outline(preprocessing.maskFractions(ImageFiles.readMask(prediction.image()), size, size), size);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < size * size; i++) {
            double t = Math.max(0, Math.min(1, (map[i] - low) / Math.max(1e-12, high - low)));
            int[] colour = colour(t);
            double alpha = 0.45;
            int r = (int) (rgb[0][i] * (1 - alpha) + colour[0] * alpha);
            int g = (int) (rgb[1][i] * (1 - alpha) + colour[1] * alpha);
            int b = (int) (rgb[2][i] * (1 - alpha) + colour[2] * alpha);
            out.setRGB(i % size, i / size, outline[i] ? 0xFFFFFF : (r << 16) | (g << 8) | b);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(out, "png", bytes)) {
            throw new IOException("no PNG writer");
        }
        return bytes.toByteArray();
    }

    /** A blue-cyan-yellow-red scale ("jet"-like). */
    static int[] colour(double t) {
        double r = Math.min(1, Math.max(0, 1.5 - Math.abs(4 * t - 3)));
        double g = Math.min(1, Math.max(0, 1.5 - Math.abs(4 * t - 2)));
        double b = Math.min(1, Math.max(0, 1.5 - Math.abs(4 * t - 1)));
        return new int[] {(int) (255 * r), (int) (255 * g), (int) (255 * b)};
    }

    private static boolean[] outline(float[] mask, int size) {
        boolean[] edge = new boolean[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean inside = mask[y * size + x] >= 0.5f;
                if (!inside) {
                    continue;
                }
                boolean border = x == 0 || y == 0 || x == size - 1 || y == size - 1
                        || mask[y * size + x - 1] < 0.5f || mask[y * size + x + 1] < 0.5f
                        || mask[(y - 1) * size + x] < 0.5f || mask[(y + 1) * size + x] < 0.5f;
                edge[y * size + x] = border;
            }
        }
        return edge;
    }
}
