package org.crossdefect.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;

import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    private static final Preprocessing PAPER = new Preprocessing(256, 224, Normalization.IMAGENET);

    /** Our resize + crop of bottle/train/good/000.png equals Pillow's, byte for byte. */
    @Test
    void bottleCropEqualsPillowReferenceExactly() throws Exception {
        BufferedImage original = ImageFiles.read(SharedData.mvtecRoot().resolve("bottle/train/good/000.png"));
        int[][] ours = PAPER.resizedCrop(original);
        int[][] reference = RgbPixels.of(ImageFiles.read(SharedData.reference("bottle_train_good_000_crop224.png")));
        long sum = 0;
        for (int c = 0; c < 3; c++) {
            for (int v : ours[c]) {
                sum += v;
            }
        }
        assertEquals(15348393L, sum, "reference checksum of the crop");
        assertEquals(40, ours[0][112 * 224 + 112]);
        assertEquals(44, ours[1][112 * 224 + 112]);
        assertEquals(49, ours[2][112 * 224 + 112]);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(reference[c], ours[c], "channel " + c);
        }
    }

    /**
     * Resizing only the crop's window straight from a BGR image's bytes (what decoded photos
     * are) gives the same bytes as resizing the whole image's planes and cropping, whether the
     * image shrinks, grows, keeps one side or is not square.
     */
    @Test
    void theCropWindowFromInterleavedBytesEqualsTheWholeResizeCropped() {
        java.util.Random random = new java.util.Random(7);
        int[][] sizes = {{900, 900}, {640, 250}, {250, 640}, {256, 256}, {256, 300}, {100, 80}, {31, 257}};
        for (int[] size : sizes) {
            BufferedImage bgr = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
            BufferedImage rgb = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    // Smooth with noise, like a photo, so the filters' sums vary.
                    int v = random.nextInt(1 << 24) & 0x3f3f3f | (((x + y) & 0xc0) * 0x010101);
                    bgr.setRGB(x, y, v);
                    rgb.setRGB(x, y, v);
                }
            }
            int[][] windowed = PAPER.resizedCrop(bgr);
            int[][] whole = PAPER.resizedCrop(rgb);
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(whole[c], windowed[c], size[0] + "x" + size[1] + " channel " + c);
            }
        }
    }

    /**
     * A part of a larger photo (a sub-image shares the photo's bytes) is resized as the part
     * alone, not read as if its bytes were its own.
     */
    @Test
    void aSubImageIsResizedAsThePartItIs() {
        java.util.Random random = new java.util.Random(3);
        BufferedImage photo = new BufferedImage(400, 300, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                photo.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        BufferedImage part = photo.getSubimage(0, 0, 260, 270);
        BufferedImage copy = new BufferedImage(260, 270, BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(part, 0, 0, null);
        int[][] fromPart = PAPER.resizedCrop(part);
        int[][] fromCopy = PAPER.resizedCrop(copy);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(fromCopy[c], fromPart[c], "channel " + c);
        }
    }

    /** An 8-bit mask's fractions, from its bytes' crop window, equal those of the whole resize. */
    @Test
    void maskFractionsFromGrayBytesEqualTheWholeResize() {
        java.util.Random random = new java.util.Random(11);
        int[][] sizes = {{900, 900}, {640, 250}, {256, 256}, {100, 80}};
        for (int[] size : sizes) {
            BufferedImage gray = new BufferedImage(size[0], size[1], BufferedImage.TYPE_BYTE_GRAY);
            BufferedImage rgb = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int blob = 0; blob < 6; blob++) {
                int cx = random.nextInt(size[0]);
                int cy = random.nextInt(size[1]);
                int r = 1 + random.nextInt(Math.max(2, size[0] / 8));
                for (int y = Math.max(0, cy - r); y < Math.min(size[1], cy + r); y++) {
                    for (int x = Math.max(0, cx - r); x < Math.min(size[0], cx + r); x++) {
                        gray.getRaster().setSample(x, y, 0, 255);
                        rgb.setRGB(x, y, 0xffffff);
                    }
                }
            }
            assertArrayEquals(PAPER.maskFractions(rgb, 28, 28), PAPER.maskFractions(gray, 28, 28),
                    size[0] + "x" + size[1]);
        }
    }

    @Test
    void grayAndSixteenBitImagesBecomeRgbLikePillow() {
        BufferedImage gray16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        gray16.getRaster().setSample(0, 0, 0, 65535);
        gray16.getRaster().setSample(1, 0, 0, 257 * 100);
        int[][] rgb = RgbPixels.of(gray16);
        assertArrayEquals(new int[] {255, 100}, rgb[0]);
        assertArrayEquals(rgb[0], rgb[2]);
        BufferedImage gray8 = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray8.getRaster().setSample(0, 0, 0, 77);
        assertEquals(77, RgbPixels.of(gray8)[1][0], "no sRGB conversion of gray");
        BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x10203040);
        assertArrayEquals(new int[] {0x20}, RgbPixels.of(argb)[0], "alpha dropped, not composited");
    }

    @Test
    void maskFractionsAreAreaAveragesOverPatchCells() {
        // A 256x256 mask whose left half is defect: after the crop (cols 16..239) the left
        // 112 columns are defect, so patches 0..13 of each row are full and 14..27 empty.
        BufferedImage mask = new BufferedImage(256, 256, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 128; x++) {
                mask.getRaster().setSample(x, y, 0, 255);
            }
        }
        float[] fractions = PAPER.maskFractions(mask, 28, 28);
        assertEquals(784, fractions.length);
        assertEquals(1f, fractions[13], 1e-6);
        assertEquals(0f, fractions[14], 1e-6);
        assertEquals(1f, fractions[27 * 28], 1e-6);
    }
}
