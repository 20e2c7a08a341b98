package org.crossdefect.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accepted formats decode; binary masks are recognised at 8 and 16 bit. */
class ImageFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "png, 1",    // TYPE_INT_RGB
            "png, 2",    // TYPE_INT_ARGB (RGBA)
            "png, 10",   // TYPE_BYTE_GRAY
            "png, 11",   // TYPE_USHORT_GRAY (16 bit)
            "jpg, 1",
            "jpg, 10",
            "bmp, 1",
            "tif, 1",
            "tif, 11"})
    void decodesAcceptedFormats(String format, int type) throws Exception {
        BufferedImage image = new BufferedImage(20, 10, type);
        image.getRaster().setSample(5, 5, 0, 100);
        Path file = dir.resolve("img." + format);
        assertTrue(ImageIO.write(image, format.equals("tif") ? "tiff" : format, file.toFile()), "no writer");
        assertTrue(ImageFiles.isImageFile(file));
        BufferedImage read = ImageFiles.read(file);
        assertEquals(20, read.getWidth());
        assertEquals(10, read.getHeight());
    }

    @Test
    void sixteenBitMaskIsBinaryOnlyWithZeroAndMax() {
        BufferedImage mask = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
        mask.getRaster().setSample(1, 1, 0, 65535);
        assertNull(ImageFiles.nonBinaryValue(mask));
        mask.getRaster().setSample(2, 2, 0, 255);
        assertNotNull(ImageFiles.nonBinaryValue(mask));
    }

    @Test
    void eightBitMaskNamesItsFirstValueThatIsNeitherZeroNor255() {
        BufferedImage mask = new BufferedImage(7, 5, BufferedImage.TYPE_BYTE_GRAY);
        mask.getRaster().setSample(6, 4, 0, 255);
        assertNull(ImageFiles.nonBinaryValue(mask));
        mask.getRaster().setSample(3, 2, 0, 128);
        mask.getRaster().setSample(5, 4, 0, 1);
        assertEquals("value 128 at (3,2), expected 0 or 255", ImageFiles.nonBinaryValue(mask));
    }

    @Test
    void truncatedPngAndMissingFileAreClearErrors() throws Exception {
        Path png = dir.resolve("a.png");
        BufferedImage image = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 50; i++) {
            image.setRGB(i, 49 - i, 0x123456 * i);
        }
        ImageIO.write(image, "png", png.toFile());
        byte[] bytes = Files.readAllBytes(png);
        Files.write(png, Arrays.copyOf(bytes, bytes.length - 20));
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(png));
        assertTrue(e.truncated(), e.getMessage());
        assertTrue(e.getMessage().startsWith(png.toString()), e.getMessage());

        ImageReadException missing = assertThrows(ImageReadException.class,
                () -> ImageFiles.read(dir.resolve("none.png")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }
}
