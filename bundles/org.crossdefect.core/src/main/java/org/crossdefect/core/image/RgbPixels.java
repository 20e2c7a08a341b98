package org.crossdefect.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;

/**
 * Turns any decoded image into planar 8-bit RGB the way Pillow's {@code convert("RGB")} does:
 * gray is copied to the three channels, alpha is dropped (not composited), and 16-bit samples are
 * scaled to 8 bits ({@code round(v / 257)}). Samples are read from the raster, not through
 * {@code getRGB}, because Java would colour-convert linear gray to sRGB.
 */
public final class RgbPixels {

    private RgbPixels() {
    }

    /** @return {red, green, blue}, each {@code width * height} values in 0..255, row-major */
    public static int[][] of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[][] rgb = new int[3][w * h];
        byte[] bytes = plainBytes(image, BufferedImage.TYPE_3BYTE_BGR);
        if (bytes != null) {
            for (int i = 0, p = 0; i < w * h; i++, p += 3) {
                rgb[2][i] = bytes[p] & 0xFF;
                rgb[1][i] = bytes[p + 1] & 0xFF;
                rgb[0][i] = bytes[p + 2] & 0xFF;
            }
            return rgb;
        }
        boolean componentWise = image.getColorModel() instanceof ComponentColorModel
                || image.getColorModel() instanceof DirectColorModel;
        if (!componentWise) {
            // Palettes and other models: their colours are sRGB already.
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = image.getRGB(x, y);
                    rgb[0][y * w + x] = (argb >> 16) & 0xFF;
                    rgb[1][y * w + x] = (argb >> 8) & 0xFF;
                    rgb[2][y * w + x] = argb & 0xFF;
                }
            }
            return rgb;
        }
        Raster raster = image.getRaster();
        int colours = image.getColorModel().getNumColorComponents();
        int[] row = new int[w];
        for (int c = 0; c < 3; c++) {
            int band = colours >= 3 ? c : 0;
            int bits = raster.getSampleModel().getSampleSize(band);
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, band, row);
                for (int x = 0; x < w; x++) {
                    rgb[c][y * w + x] = to8Bit(row[x], bits);
                }
            }
        }
        return rgb;
    }

    /**
     * @param type {@link BufferedImage#TYPE_3BYTE_BGR} or {@link BufferedImage#TYPE_BYTE_GRAY}
     * @return the image's samples when they are exactly its own pixels in one byte array of
     *     {@code type}'s layout (not a sub-image of a larger one), as decoded PNGs and JPEGs
     *     are, for loops over the bytes themselves; else null
     */
    public static byte[] plainBytes(BufferedImage image, int type) {
        int channels = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 1;
        return image.getType() == type
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getData().length == image.getWidth() * image.getHeight() * channels
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0 ? buffer.getData() : null;
    }

    /** @return the first channel of an image as 8-bit values (for masks) */
    public static int[] gray(BufferedImage image) {
        return of(image)[0];
    }

    private static int to8Bit(int value, int bits) {
        if (bits == 8) {
            return value;
        }
        int max = (1 << bits) - 1;
        return (int) Math.round(value * 255.0 / max);
    }
}
