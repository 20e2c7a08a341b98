package org.crossdefect.core.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.error.InvalidSettingException;

/**
 * How an image becomes the network's inputs: whole (the paper's resize of the full image to a
 * square), or cut into overlapping square tiles, each resized on its own. Square tiles keep a
 * non-square image's proportions (real-dev's commutator is 250 x 640: squeezed to a square it
 * loses 2.6x of its width) and more tiles across raise the resolution, so a defect of a few
 * tenths of a percent of the image covers more patches. The tiles' scores are merged per image
 * afterwards (the largest tile score; maps stitched), so every output is still per image.
 *
 * @param across tiles across the image's shorter side: 0 for the whole image (the paper's), 1
 *     for square tiles as high as the shorter side (aspect-preserving), 2 or more for smaller
 *     tiles at a higher resolution; {@link #AUTO} ({@code -1}) for each method's own measured
 *     choice ({@link org.crossdefect.core.model.Method#tilingWhenAuto()}), resolved when it trains
 * @param overlap the fraction of a tile its neighbour overlaps, at least (the tiles of a side are
 *     spread evenly, so they overlap more where the side does not divide)
 */
public record Tiling(int across, double overlap) {

    /** The settings' names (command-line options and node settings). */
    public static final String TILES = "tiles";
    public static final String TILE_OVERLAP = "tile-overlap";

    /**
     * Half a tile: on real-dev crack (3 seeds) k-shot PatchCore's commutator image AUROC was 0.810
     * at 0.5 against 0.713 at 0.25 (5 tiles of its 250 x 640 images instead of 4; README).
     */
    public static final double DEFAULT_OVERLAP = 0.5;

    /** The paper's: each image whole. */
    public static final Tiling WHOLE = new Tiling(0, DEFAULT_OVERLAP);

    /** Each method's own choice. */
    public static final Tiling AUTO = new Tiling(-1, DEFAULT_OVERLAP);

    /** Square tiles of the shorter side: each image at its own proportions. */
    public static final Tiling SQUARE_TILES = new Tiling(1, DEFAULT_OVERLAP);

    public static final int MAX_ACROSS = 8;

    public Tiling {
        InvalidSettingException.require(across >= -1 && across <= MAX_ACROSS, TILES, "tiles must be auto (each "
                + "method's own), 0 (the whole image, the paper's), 1 (square tiles of the shorter side) up to "
                + MAX_ACROSS + ", got " + across);
        InvalidSettingException.require(overlap >= 0 && overlap <= 0.75, TILE_OVERLAP, "tile-overlap must be in "
                + "0..0.75, got " + overlap);
        if (across == 0) {
            // Whole images have no overlap: every untiled setting is the same tiling.
            overlap = DEFAULT_OVERLAP;
        }
    }

    /** @return the setting's value: auto, 0 (whole) or the tiles across the shorter side */
    public static Tiling parse(String tiles, double overlap) {
        String value = tiles.trim();
        if (value.equalsIgnoreCase("auto")) {
            return new Tiling(-1, overlap);
        }
        try {
            return new Tiling(Integer.parseInt(value), overlap);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(TILES, "tiles must be auto, 0 (the whole image) or 1 to " + MAX_ACROSS
                    + ", got '" + tiles + "'");
        }
    }

    /** @return whether images are cut into tiles */
    public boolean tiled() {
        return across > 0;
    }

    /** @return whether each method picks its own tiling */
    public boolean auto() {
        return across < 0;
    }

    /**
     * @param methodsOwn the method's own choice, for {@link #AUTO}
     * @return the tiling a method trains with: this one, or for auto the method's (at this overlap)
     */
    public Tiling resolve(Tiling methodsOwn) {
        if (!auto()) {
            return this;
        }
        return methodsOwn.tiled() ? new Tiling(methodsOwn.across(), overlap) : WHOLE;
    }

    /** @return the setting's value as {@link #parse} reads it */
    public String setting() {
        return auto() ? "auto" : Integer.toString(across);
    }

    /**
     * @return the tiles of a {@code width x height} image, row by row; one null region (the
     *     whole image) when untiled or when the only tile is the image itself, so a square image
     *     shares its stored embeddings with the untiled pipeline
     */
    public List<ImageRegion> regions(int width, int height) {
        requireResolved();
        if (!tiled()) {
            return java.util.Collections.singletonList(null);
        }
        int shorter = Math.min(width, height);
        // Rounded up, so `across` tiles with the overlap asked for reach across the shorter side.
        int side = Math.max(1, (int) Math.ceil(shorter / (1 + (across - 1) * (1 - overlap)) - 1e-9));
        int[] xs = starts(width, side);
        int[] ys = starts(height, side);
        if (xs.length == 1 && ys.length == 1 && side == width && side == height) {
            return java.util.Collections.singletonList(null);
        }
        List<ImageRegion> regions = new ArrayList<>(xs.length * ys.length);
        for (int y : ys) {
            for (int x : xs) {
                regions.add(new ImageRegion(x, y, Math.min(side, width), Math.min(side, height)));
            }
        }
        return regions;
    }

    private void requireResolved() {
        if (auto()) {
            throw new IllegalStateException("tiles auto is resolved per method before images are cut");
        }
    }

    /** Starts of tiles of {@code side} spread evenly over {@code length}, neighbours overlapping at least {@link #overlap}. */
    private int[] starts(int length, int side) {
        if (length <= side) {
            return new int[] {0};
        }
        double stride = side * (1 - overlap);
        int count = (int) Math.ceil((length - side) / stride - 1e-9) + 1;
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = (int) Math.round(i * (length - side) / (double) (count - 1));
        }
        return starts;
    }

    /**
     * @return every image's tiles in order (an image's tiles together), each a record of the same
     *     image with its region; the images themselves when untiled
     * @throws ImageReadException naming an image whose size cannot be read
     */
    public List<ImageRecord> tiles(List<ImageRecord> images) throws IOException {
        requireResolved();
        if (!tiled()) {
            return images;
        }
        List<ImageRecord> tiles = new ArrayList<>(images.size());
        for (ImageRecord image : images) {
            int[] size = ImageFiles.size(image.image());
            for (ImageRegion region : regions(size[0], size[1])) {
                tiles.add(image.withRegion(region));
            }
        }
        return tiles;
    }
}
