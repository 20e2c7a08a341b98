package org.crossdefect.core.eval;

import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.image.Preprocessing;

/**
 * Where an image's defects are: the connected regions (8-connected) of its anomaly map above a
 * threshold, in the image's own pixel coordinates, smaller ones left out, as inspection tools
 * report blobs. The map covers the centre crop of the resized image; a region's box and area are
 * scaled back through the crop offset and the resize factors of the image's width and height.
 */
public final class DefectRegions {

    /**
     * One region.
     *
     * @param x left edge, image pixels (inclusive)
     * @param y top edge, image pixels (inclusive)
     * @param width box width, image pixels
     * @param height box height, image pixels
     * @param area the region's area, image pixels (its map pixels times one map pixel's area)
     * @param peak the largest anomaly-map value in the region
     */
    public record Region(int x, int y, int width, int height, long area, double peak) {
    }

    private DefectRegions() {
    }

    /**
     * @param map the image's anomaly map, {@code crop x crop} of {@code preprocessing}
     * @param threshold map values at or above it are defect pixels
     * @param minArea smallest region kept, in image pixels
     * @param imageWidth the image's width before resizing
     * @param imageHeight the image's height before resizing
     * @return the regions, largest peak first
     */
    public static List<Region> of(float[] map, Preprocessing preprocessing, double threshold, long minArea,
            int imageWidth, int imageHeight) {
        int side = preprocessing.crop();
        double sx = imageWidth / (double) preprocessing.resize();
        double sy = imageHeight / (double) preprocessing.resize();
        int offset = (int) Math.round((preprocessing.resize() - side) / 2.0);
        boolean[] above = new boolean[map.length];
        for (int i = 0; i < map.length; i++) {
            above[i] = map[i] >= threshold;
        }
        int smallest = (int) Math.max(1, Math.ceil(minArea / (sx * sy)));
        List<Region> regions = new ArrayList<>();
        for (int[] pixels : Regions.of(above, 0, side, side, smallest)) {
            int x0 = side;
            int y0 = side;
            int x1 = -1;
            int y1 = -1;
            double peak = Double.NEGATIVE_INFINITY;
            for (int p : pixels) {
                int px = p % side;
                int py = p / side;
                x0 = Math.min(x0, px);
                y0 = Math.min(y0, py);
                x1 = Math.max(x1, px);
                y1 = Math.max(y1, py);
                peak = Math.max(peak, map[p]);
            }
            int left = (int) Math.floor((x0 + offset) * sx);
            int top = (int) Math.floor((y0 + offset) * sy);
            int right = Math.min(imageWidth, (int) Math.ceil((x1 + 1 + offset) * sx));
            int bottom = Math.min(imageHeight, (int) Math.ceil((y1 + 1 + offset) * sy));
            regions.add(new Region(left, top, right - left, bottom - top, Math.round(pixels.length * sx * sy), peak));
        }
        regions.sort((a, b) -> Double.compare(b.peak(), a.peak()));
        return regions;
    }
}
