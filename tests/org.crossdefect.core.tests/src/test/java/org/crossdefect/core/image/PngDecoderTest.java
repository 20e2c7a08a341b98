package org.crossdefect.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The fast PNG decoder gives ImageIO's image exactly, or nothing (and ImageIO decodes). */
class PngDecoderTest {

    @Test
    void realPhotosAndMasksEqualImageIo() throws Exception {
        Path bottle = SharedData.root().resolve("data/mvtec/bottle");
        for (Path file : List.of(bottle.resolve("train/good/000.png"), bottle.resolve("test/broken_large/000.png"),
                bottle.resolve("ground_truth/broken_large/000_mask.png"))) {
            byte[] bytes = Files.readAllBytes(file);
            assertSame(ImageIO.read(new ByteArrayInputStream(bytes)), PngDecoder.decode(bytes), file.toString());
        }
    }

    /** Noise and smooth gradients make ImageIO's writer choose every scanline filter. */
    @Test
    void greyAndRgbImagesOfEveryFilterEqualImageIo() throws Exception {
        Random random = new Random(7);
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage image = new BufferedImage(37, 23, type);
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) {
                    int v = y < 8 ? random.nextInt(256) : (x * 7 + y * 3) & 0xFF;
                    image.setRGB(x, y, (v << 16) | (((v * 3) & 0xFF) << 8) | ((255 - v) & 0xFF));
                }
            }
            byte[] png = png(image);
            assertSame(ImageIO.read(new ByteArrayInputStream(png)), PngDecoder.decode(png), "type " + type);
        }
    }

    /**
     * Every row Paeth-filtered (what photos mostly are; the predictor's locals are carried per
     * channel), at widths down to one pixel, noise or smooth: equal to ImageIO.
     */
    @Test
    void paethRowsOfEveryWidthEqualImageIo() throws Exception {
        Random random = new Random(5);
        for (int channels : new int[] {3, 1}) {
            for (int[] size : new int[][] {{1, 5}, {2, 4}, {3, 3}, {5, 7}, {64, 9}, {33, 2}}) {
                byte[] pixels = new byte[size[0] * size[1] * channels];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = (byte) (i % 3 == 0 ? random.nextInt(256) : (i * 5 / 7) & 0xFF);
                }
                byte[] png = paethPng(pixels, size[0], size[1], channels);
                assertSame(ImageIO.read(new ByteArrayInputStream(png)), PngDecoder.decode(png),
                        size[0] + "x" + size[1] + "x" + channels);
            }
        }
    }

    /** An 8-bit PNG whose rows all carry the Paeth filter (ImageIO's writer picks per row). */
    private static byte[] paethPng(byte[] pixels, int width, int height, int channels) throws Exception {
        int stride = width * channels;
        ByteArrayOutputStream filtered = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            filtered.write(4);
            for (int i = 0; i < stride; i++) {
                int a = i >= channels ? pixels[y * stride + i - channels] & 0xFF : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + i] & 0xFF : 0;
                int c = i >= channels && y > 0 ? pixels[(y - 1) * stride + i - channels] & 0xFF : 0;
                int pa = Math.abs(b - c);
                int pb = Math.abs(a - c);
                int pc = Math.abs(a + b - 2 * c);
                int predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                filtered.write((pixels[y * stride + i] - predicted) & 0xFF);
            }
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream deflate = new java.util.zip.DeflaterOutputStream(compressed)) {
            deflate.write(filtered.toByteArray());
        }
        java.io.ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) (channels == 3 ? 2 : 0)).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(typeBytes);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void damagedOrUnsupportedFilesAreLeftToImageIo() throws Exception {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
        image.setRGB(3, 3, 0xFF8040);
        byte[] png = png(image);
        assertNotNull(PngDecoder.decode(png));
        assertNull(PngDecoder.decode(Arrays.copyOf(png, png.length - 20)), "truncated");
        byte[] flipped = png.clone();
        flipped[png.length / 2] ^= 0x10;
        assertNull(PngDecoder.decode(flipped), "a changed byte fails its chunk's CRC");
        assertNull(PngDecoder.decode(png(new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB))), "alpha");
        assertNull(PngDecoder.decode(png(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY))), "1-bit");
        assertNull(PngDecoder.decode(new byte[] {1, 2, 3}));
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void assertSame(BufferedImage expected, BufferedImage actual, String what) {
        assertNotNull(actual, what);
        assertEquals(expected.getType(), actual.getType(), what);
        assertEquals(expected.getWidth(), actual.getWidth(), what);
        assertEquals(expected.getHeight(), actual.getHeight(), what);
        assertArrayEquals(((DataBufferByte) expected.getRaster().getDataBuffer()).getData(),
                ((DataBufferByte) actual.getRaster().getDataBuffer()).getData(), what);
    }
}
