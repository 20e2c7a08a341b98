package org.crossdefect.core.data;

import java.awt.image.BufferedImage;

/**
 * A rectangle of an image's pixels: one tile of a tiled image ({@link Tiling}).
 *
 * @param x left column
 * @param y top row
 * @param width columns
 * @param height rows
 */
public record ImageRegion(int x, int y, int width, int height) {

    public ImageRegion {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("region " + x + "," + y + " " + width + "x" + height);
        }
    }

    /**
     * @return this region's pixels as an image of their own, copied into a compact raster (a
     *     sub-image would keep the parent's stride, which the fast resize paths do not take)
     * @throws ImageReadException if the region lies outside the image
     */
    public BufferedImage crop(BufferedImage image, java.nio.file.Path file) throws ImageReadException {
        if (x + width > image.getWidth() || y + height > image.getHeight()) {
            throw new ImageReadException(file, "the tile " + this + " lies outside the " + image.getWidth() + "x"
                    + image.getHeight() + " image; was the file replaced after the images were listed? List them again",
                    false, null);
        }
        BufferedImage part = image.getSubimage(x, y, width, height);
        java.awt.image.WritableRaster raster = part.getRaster().createCompatibleWritableRaster(width, height);
        raster.setRect(part.getRaster());
        return new BufferedImage(image.getColorModel(), raster, image.isAlphaPremultiplied(), null);
    }

    @Override
    public String toString() {
        return width + "x" + height + "+" + x + "+" + y;
    }
}
