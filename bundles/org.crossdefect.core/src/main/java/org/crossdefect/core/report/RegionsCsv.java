package org.crossdefect.core.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.eval.DefectRegions;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.score.AnomalyMap;
import org.crossdefect.core.score.Prediction;

/**
 * The defect regions of every predicted image as CSV, one row per region ({@link DefectRegions}):
 * where on the image, how large, how anomalous. Images without a region have no row.
 */
public final class RegionsCsv {

    public static final List<String> COLUMNS = List.of("image", "region", "x", "y", "width", "height", "area_px",
            "peak_score", "threshold");

    /** Maps made per batch, so memory does not grow with the number of images. */
    private static final int BATCH = 64;

    private RegionsCsv() {
    }

    /**
     * Writes straight into {@code destination}, for a caller that publishes it atomically with
     * its other outputs.
     *
     * @param threshold anomaly-map value from which a pixel is a defect pixel
     * @param minArea smallest region written, in image pixels
     * @return the number of regions written
     */
    public static int print(Path destination, List<Prediction> predictions, Preprocessing preprocessing,
            double threshold, long minArea) throws IOException {
        int written = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (Writer writer = Files.newBufferedWriter(destination, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (int from = 0; from < predictions.size(); from += BATCH) {
                List<Prediction> part = predictions.subList(from, Math.min(predictions.size(), from + BATCH));
                List<float[]> maps = AnomalyMap.of(part.stream().map(Prediction::score).toList(), preprocessing.crop());
                for (int i = 0; i < part.size(); i++) {
                    Path image = part.get(i).image().image();
                    int[] size = ImageFiles.size(image);
                    List<DefectRegions.Region> regions = DefectRegions.of(maps.get(i), preprocessing, threshold, minArea,
                            size[0], size[1]);
                    for (int r = 0; r < regions.size(); r++) {
                        DefectRegions.Region g = regions.get(r);
                        printer.printRecord(image.toString(), r + 1, g.x(), g.y(), g.width(), g.height(), g.area(),
                                String.format(Locale.ROOT, "%.6g", g.peak()), String.format(Locale.ROOT, "%.6g", threshold));
                        written++;
                    }
                }
            }
        }
        return written;
    }
}
