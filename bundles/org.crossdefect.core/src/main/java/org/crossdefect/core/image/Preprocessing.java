package org.crossdefect.core.image;

import java.awt.image.BufferedImage;

/**
 * The paper's (and PatchCore's) input pipeline: resize to {@code resize x resize} with Pillow's
 * antialiased bilinear filter, centre-crop {@code crop x crop}, normalise for the backbone. Masks
 * take the same resize and crop, then are averaged over each patch cell ("area" interpolation),
 * giving the fraction of defect pixels per patch.
 *
 * @param resize side after resizing (256 in the paper)
 * @param crop side of the centre crop (224 in the paper)
 * @param normalization the backbone's input scaling
 */
public record Preprocessing(int resize, int crop, Normalization normalization) {

    public Preprocessing {
        if (crop > resize || crop <= 0) {
            throw new IllegalArgumentException("crop " + crop + " must be in 1.." + resize);
        }
    }

    /** @return the 8-bit RGB planes after resize and crop, each {@code crop * crop} */
    public int[][] resizedCrop(BufferedImage image) {
        byte[] bgr = RgbPixels.plainBytes(image, BufferedImage.TYPE_3BYTE_BGR);
        if (bgr != null) {
            // What decoded PNGs and JPEGs are: resized straight from the interleaved bytes,
            // without splitting them into planes first (a 900 px photo's planes are 10 MB).
            int[][] planes = croppedWindow(bgr, 3, image);
            return new int[][] {planes[2], planes[1], planes[0]};
        }
        int[][] rgb = RgbPixels.of(image);
        int[][] resized = PillowResize.resize(rgb, image.getWidth(), image.getHeight(), resize, resize);
        return crop(resized);
    }

    /** @return the network input of one image: CHW float32, {@code 3 * crop * crop} values */
    public float[] input(BufferedImage image) {
        float[] out = new float[3 * crop * crop];
        input(image, out, 0);
        return out;
    }

    /** Writes one image's network input into {@code out} from {@code offset} (for batches). */
    public void input(BufferedImage image, float[] out, int offset) {
        int[][] planes = resizedCrop(image);
        int n = crop * crop;
        for (int c = 0; c < 3; c++) {
            int[] plane = planes[c];
            int base = offset + c * n;
            for (int i = 0; i < n; i++) {
                out[base + i] = normalization.apply(c, plane[i]);
            }
        }
    }

    /**
     * @return per patch of a {@code gridH x gridW} grid over the crop, the fraction of the
     *     mask's pixels that are defect (0..1), row-major
     */
    public float[] maskFractions(BufferedImage mask, int gridH, int gridW) {
        byte[] grayBytes = RgbPixels.plainBytes(mask, BufferedImage.TYPE_BYTE_GRAY);
        if (grayBytes != null) {
            // What decoded 8-bit masks are: only the crop's window is resized, from their bytes.
            return areaAverage(croppedWindow(grayBytes, 1, mask)[0], crop, crop, gridH, gridW);
        }
        int[] gray = RgbPixels.gray(mask);
        int[] resized = PillowResize.resize(new int[][] {gray}, mask.getWidth(), mask.getHeight(), resize, resize)[0];
        int[] cropped = crop(new int[][] {resized})[0];
        return areaAverage(cropped, crop, crop, gridH, gridW);
    }

    /** Adaptive average pooling (PyTorch's "area" interpolation), scaled to 0..1. */
    static float[] areaAverage(int[] values, int height, int width, int gridH, int gridW) {
        float[] out = new float[gridH * gridW];
        for (int gy = 0; gy < gridH; gy++) {
            int y0 = gy * height / gridH;
            int y1 = -Math.floorDiv(-(gy + 1) * height, gridH);
            for (int gx = 0; gx < gridW; gx++) {
                int x0 = gx * width / gridW;
                int x1 = -Math.floorDiv(-(gx + 1) * width, gridW);
                long sum = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        sum += values[y * width + x];
                    }
                }
                out[gy * gridW + gx] = (float) (sum / (255.0 * (y1 - y0) * (x1 - x0)));
            }
        }
        return out;
    }

    /** @return the resized image's centre crop, computed from interleaved samples */
    private int[][] croppedWindow(byte[] samples, int channels, BufferedImage image) {
        int offset = cropOffset();
        return PillowResize.resizedCrop(samples, channels, image.getWidth(), image.getHeight(), resize, resize, offset,
                offset, crop, crop);
    }

    /**
     * @return the same output side over the whole image, uncropped: what the maps stitched from
     *     tiles cover (heatmaps, pixel metrics and regions then read the whole image and mask)
     */
    public Preprocessing wholeImage() {
        return new Preprocessing(crop, crop, normalization);
    }

    /** torchvision's CenterCrop: top = left = round((resize - crop) / 2). */
    public int cropOffset() {
        return (int) Math.round((resize - crop) / 2.0);
    }

    private int[][] crop(int[][] planes) {
        int offset = cropOffset();
        int[][] out = new int[planes.length][crop * crop];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < crop; y++) {
                System.arraycopy(planes[c], (y + offset) * resize + offset, out[c], y * crop, crop);
            }
        }
        return out;
    }
}
