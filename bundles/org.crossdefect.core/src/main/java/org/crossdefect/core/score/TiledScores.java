package org.crossdefect.core.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.ImageRegion;
import org.crossdefect.core.image.Preprocessing;

/**
 * The scores of a tiled image's tiles ({@link org.crossdefect.core.data.Tiling}) merged into the
 * image's: its score is the largest tile score (a defect in any tile makes the image defective,
 * as a whole image's score is its worst patch), and its map is stitched from the tiles' patch
 * grids onto a grid over the whole image at the tiles' resolution, averaging where tiles
 * overlap (as anomalib's tiler does) and taking the nearest tile's patch where no tile's crop
 * reaches (the image's outer margin, which the centre crop cuts from every tile).
 */
public final class TiledScores {

    private TiledScores() {
    }

    /**
     * @param input the backbone's preprocessing
     * @return what maps cover: the input's crop, or the whole image when they are stitched from tiles
     */
    public static Preprocessing mapsCover(Preprocessing input, org.crossdefect.core.data.Tiling tiling) {
        return tiling.tiled() ? input.wholeImage() : input;
    }

    /**
     * @param tiles predictions of tiles (and of whole images), an image's tiles together
     * @param input the preprocessing of each tile: the part of a tile its patch grid covers
     * @param tiled whether the model cut images into tiles: then every map is stitched over the
     *     whole image, that of an image that is one tile (a square one) too, so all of a model's
     *     maps cover the same part of their images
     * @return one prediction per image, of the whole image, in the order of first appearance;
     *     untiled, the predictions themselves
     */
    public static List<Prediction> merge(List<Prediction> tiles, Preprocessing input, boolean tiled) {
        if (!tiled) {
            return tiles;
        }
        Map<ImageRecord, List<Prediction>> byImage = new LinkedHashMap<>();
        for (Prediction p : tiles) {
            byImage.computeIfAbsent(p.image().whole(), k -> new ArrayList<>()).add(p);
        }
        List<Prediction> merged = new ArrayList<>(byImage.size());
        byImage.forEach((image, parts) -> merged.add(new Prediction(image, stitch(parts, input))));
        return merged;
    }

    /**
     * @param tiles the records scored, an image's tiles together (whole images count alone)
     * @param scores their scores, in the same order
     * @return the images' scores (the largest of each image's tiles), as {@link #merge} merges them
     */
    public static double[] imageScores(List<ImageRecord> tiles, double[] scores) {
        Map<ImageRecord, Double> byImage = new LinkedHashMap<>();
        for (int i = 0; i < tiles.size(); i++) {
            byImage.merge(tiles.get(i).whole(), scores[i], Math::max);
        }
        return byImage.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static ImageScore stitch(List<Prediction> parts, Preprocessing input) {
        int width = 0;
        int height = 0;
        Prediction worst = parts.get(0);
        Boolean anomalous = null;
        for (Prediction p : parts) {
            ImageRegion r = region(p);
            width = Math.max(width, r.x() + r.width());
            height = Math.max(height, r.y() + r.height());
            if (p.score().score() > worst.score().score()) {
                worst = p;
            }
            if (p.score().anomalous() != null) {
                anomalous = (anomalous != null && anomalous) || p.score().anomalous();
            }
        }
        // A tile's grid covers its centre crop: from offset to offset + span, in the tile's pixels.
        double cropFraction = input.crop() / (double) input.resize();
        double offsetFraction = input.cropOffset() / (double) input.resize();
        ImageRegion first = region(parts.get(0));
        double cell = first.width() * cropFraction / parts.get(0).score().gridWidth();
        int gridWidth = Math.max(1, (int) Math.round(width / cell));
        int gridHeight = Math.max(1, (int) Math.round(height / cell));
        float[] stitched = new float[gridHeight * gridWidth];
        for (int gy = 0; gy < gridHeight; gy++) {
            double py = (gy + 0.5) * height / gridHeight;
            for (int gx = 0; gx < gridWidth; gx++) {
                double px = (gx + 0.5) * width / gridWidth;
                stitched[gy * gridWidth + gx] = valueAt(parts, px, py, cropFraction, offsetFraction);
            }
        }
        return new ImageScore(worst.score().score(), stitched, gridHeight, gridWidth, anomalous,
                worst.score().defectType());
    }

    /** @return the mean patch score of the tiles whose crop holds the point, else of the nearest */
    private static float valueAt(List<Prediction> parts, double px, double py, double cropFraction,
            double offsetFraction) {
        double nearest = Double.POSITIVE_INFINITY;
        double sum = 0;
        int count = 0;
        for (Prediction p : parts) {
            ImageRegion r = region(p);
            ImageScore s = p.score();
            double u = (px - r.x() - offsetFraction * r.width()) / (cropFraction * r.width()) * s.gridWidth();
            double v = (py - r.y() - offsetFraction * r.height()) / (cropFraction * r.height()) * s.gridHeight();
            double outside = Math.max(0, Math.max(-u, u - s.gridWidth())) + Math.max(0, Math.max(-v, v - s.gridHeight()));
            if (outside > nearest + 1e-9) {
                continue;
            }
            if (outside < nearest - 1e-9) {
                nearest = outside;
                sum = 0;
                count = 0;
            }
            int cu = Math.max(0, Math.min(s.gridWidth() - 1, (int) Math.floor(u)));
            int cv = Math.max(0, Math.min(s.gridHeight() - 1, (int) Math.floor(v)));
            sum += s.patchScores()[cv * s.gridWidth() + cu];
            count++;
        }
        return (float) (sum / count);
    }

    /**
     * Puts the maps of models that cut images differently on one grid per image, so a fused
     * model can combine them patch by patch: the finest map among those covering {@code cover}
     * is the grid, and every other map is resampled onto it (nearest patch; where a map does not
     * reach, such as a whole image's margin outside the centre crop, its nearest patch).
     *
     * @param parts per model, its predictions of the same images in the same order
     * @param covers per model, what its maps cover ({@link #mapsCover})
     * @param cover what the fused maps cover: one of {@code covers}
     * @return per model, its scores of each image with the maps on the shared grid
     */
    public static List<List<ImageScore>> onSharedGrid(List<List<Prediction>> parts, List<Preprocessing> covers,
            Preprocessing cover) {
        if (!covers.contains(cover)) {
            throw new IllegalArgumentException("no part's maps cover " + cover);
        }
        int images = parts.get(0).size();
        List<List<ImageScore>> aligned = new ArrayList<>();
        for (int m = 0; m < parts.size(); m++) {
            if (parts.get(m).size() != images) {
                throw new IllegalArgumentException("part " + m + " scored " + parts.get(m).size() + " images, not "
                        + images);
            }
            aligned.add(new ArrayList<>(images));
        }
        for (int i = 0; i < images; i++) {
            ImageScore grid = null;
            for (int m = 0; m < parts.size(); m++) {
                ImageScore s = parts.get(m).get(i).score();
                if (covers.get(m).equals(cover) && (grid == null || s.patchScores().length > grid.patchScores().length)) {
                    grid = s;
                }
            }
            for (int m = 0; m < parts.size(); m++) {
                aligned.get(m).add(resample(parts.get(m).get(i).score(), covers.get(m), cover, grid.gridHeight(),
                        grid.gridWidth()));
            }
        }
        return aligned;
    }

    /** @return the score with its map, which covers {@code from}, resampled onto a grid over {@code to} */
    static ImageScore resample(ImageScore s, Preprocessing from, Preprocessing to, int gridHeight, int gridWidth) {
        if (from.equals(to) && s.gridHeight() == gridHeight && s.gridWidth() == gridWidth) {
            return s;
        }
        int[] rows = sourceCells(from, to, gridHeight, s.gridHeight());
        int[] columns = sourceCells(from, to, gridWidth, s.gridWidth());
        float[] map = new float[gridHeight * gridWidth];
        for (int y = 0; y < gridHeight; y++) {
            for (int x = 0; x < gridWidth; x++) {
                map[y * gridWidth + x] = s.patchScores()[rows[y] * s.gridWidth() + columns[x]];
            }
        }
        return new ImageScore(s.score(), map, gridHeight, gridWidth, s.anomalous(), s.defectType());
    }

    /**
     * Along one axis (a squashing resize treats both axes alike, as fractions of the image):
     * for each of {@code cells} cells over {@code to}, the nearest of {@code sourceCells} over {@code from}.
     */
    private static int[] sourceCells(Preprocessing from, Preprocessing to, int cells, int sourceCells) {
        double fromStart = from.cropOffset() / (double) from.resize();
        double fromSpan = from.crop() / (double) from.resize();
        double toStart = to.cropOffset() / (double) to.resize();
        double toSpan = to.crop() / (double) to.resize();
        int[] source = new int[cells];
        for (int c = 0; c < cells; c++) {
            double fraction = toStart + (c + 0.5) / cells * toSpan;
            int cell = (int) Math.floor((fraction - fromStart) / fromSpan * sourceCells);
            source[c] = Math.max(0, Math.min(sourceCells - 1, cell));
        }
        return source;
    }

    /**
     * An image that is its one tile has no region (it shares the untiled embeddings); Tiling gives
     * that only to a square image, and stitching depends on proportions alone.
     */
    private static final ImageRegion WHOLE_SQUARE = new ImageRegion(0, 0, 1024, 1024);

    private static ImageRegion region(Prediction p) {
        ImageRegion r = p.image().region();
        return r != null ? r : WHOLE_SQUARE;
    }
}
