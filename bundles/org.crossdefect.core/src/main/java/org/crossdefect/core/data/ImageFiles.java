package org.crossdefect.core.data;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.EOFException;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import org.crossdefect.core.image.RgbPixels;

/**
 * Decodes the image formats the product accepts (PNG, JPEG, BMP, TIFF; 8 or 16 bit; gray, RGB,
 * RGBA) with the JDK's ImageIO, and turns every way a file can be broken into an
 * {@link ImageReadException} that names the file.
 *
 * <p>ImageIO reports a cut-off JPEG only as a warning and returns the half image, so warnings
 * count as errors here, and PNG/JPEG files are also checked for their end marker.
 */
public final class ImageFiles {

    /** File extensions read as images (lower case, without dot). */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");

    private static final byte[] PNG_IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private ImageFiles() {
    }

    /** @return whether the file name has one of the accepted image extensions */
    public static boolean isImageFile(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** @return the file name without its extension */
    public static String stem(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Decodes a whole image.
     *
     * @throws ImageReadException if the file is missing, unsupported, corrupt or truncated
     */
    public static BufferedImage read(Path path) throws ImageReadException {
        return decode(readBytes(path), path);
    }

    /**
     * Reads a file's bytes (to hash and decode them without reading the file twice).
     *
     * @throws ImageReadException if the file is missing or unreadable
     */
    public static byte[] readBytes(Path path) throws ImageReadException {
        if (!Files.isRegularFile(path)) {
            throw new ImageReadException(path, "file does not exist or is not a regular file", false, null);
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ImageReadException(path, "cannot be read (" + describe(e) + ")", false, e);
        }
    }

    /**
     * Decodes an image from its file's bytes.
     *
     * @param path names the file in errors
     * @throws ImageReadException if the bytes are unsupported, corrupt or truncated
     */
    public static BufferedImage decode(byte[] bytes, Path path) throws ImageReadException {
        checkEndMarker(bytes, path);
        // The common case (8-bit grey or RGB PNG, intact) by the fast decoder; the rest, and every
        // damaged file, by ImageIO, whose messages say what is wrong.
        BufferedImage fast = org.crossdefect.core.image.PngDecoder.decode(bytes);
        if (fast != null) {
            return fast;
        }
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(path, in);
            try {
                reader.addIIOReadWarningListener(collectWarnings(warnings));
                reader.setInput(in, true, true);
                BufferedImage image = readFirst(reader, path);
                if (!warnings.isEmpty()) {
                    boolean truncated = warnings.stream()
                            .anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("premature end"));
                    throw new ImageReadException(path, (truncated ? "truncated: " : "damaged: ")
                            + String.join("; ", warnings), truncated, null);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (ImageReadException | org.crossdefect.core.error.CrossDefectException e) {
            throw e;
        } catch (EOFException e) {
            throw truncated(path, e);
        } catch (IOException | RuntimeException e) {
            if (causedByEof(e)) {
                throw truncated(path, e);
            }
            throw new ImageReadException(path, "cannot be decoded (" + describe(e) + ")", false, e);
        }
    }

    private static BufferedImage readFirst(ImageReader reader, Path path) throws IOException {
        try {
            return reader.read(0);
        } catch (IOException | OutOfMemoryError failure) {
            // ImageIO's PNG reader wraps even an OutOfMemoryError in an IIOException.
            OutOfMemoryError e = null;
            for (Throwable t = failure; t != null && e == null; t = t.getCause()) {
                e = t instanceof OutOfMemoryError oom ? oom : null;
            }
            if (e == null) {
                throw (IOException) failure;
            }
            String size;
            try {
                size = " (" + reader.getWidth(0) + "x" + reader.getHeight(0) + " pixels)";
            } catch (IOException | RuntimeException unknown) {
                size = "";
            }
            throw new org.crossdefect.core.error.OutOfMemoryException("decoding " + path + size, e);
        }
    }

    /**
     * Checks that every sample of a mask is either 0 or the largest value of its bit depth (a
     * binary mask, as MVTec's 0/255 masks). Alpha is ignored.
     *
     * @return null if the mask is binary, else a description of the first offending value
     */
    public static String nonBinaryValue(BufferedImage mask) {
        if (mask.getColorModel() instanceof IndexColorModel palette) {
            for (int y = 0; y < mask.getHeight(); y++) {
                for (int x = 0; x < mask.getWidth(); x++) {
                    int rgb = mask.getRGB(x, y);
                    for (int shift = 0; shift <= 16; shift += 8) {
                        int v = (rgb >> shift) & 0xFF;
                        if (v != 0 && v != 255) {
                            return "palette colour " + Integer.toHexString(rgb & 0xFFFFFF) + " at (" + x + ","
                                    + y + ") in a mask with " + palette.getMapSize() + " colours";
                        }
                    }
                }
            }
            return null;
        }
        byte[] gray = RgbPixels.plainBytes(mask, BufferedImage.TYPE_BYTE_GRAY);
        if (gray != null) {
            // What decoded 8-bit masks are: their bytes checked in place (a raster copy per row
            // was most of a 900 px mask's check).
            for (int i = 0; i < gray.length; i++) {
                if (gray[i] != 0 && gray[i] != (byte) 255) {
                    return "value " + (gray[i] & 0xFF) + " at (" + i % mask.getWidth() + "," + i / mask.getWidth()
                            + "), expected 0 or 255";
                }
            }
            return null;
        }
        Raster raster = mask.getRaster();
        int colourBands = mask.getColorModel().getNumColorComponents();
        int[] row = new int[mask.getWidth()];
        for (int band = 0; band < colourBands; band++) {
            int max = (1 << raster.getSampleModel().getSampleSize(band)) - 1;
            for (int y = 0; y < mask.getHeight(); y++) {
                raster.getSamples(0, y, mask.getWidth(), 1, band, row);
                for (int x = 0; x < row.length; x++) {
                    if (row[x] != 0 && row[x] != max) {
                        return "value " + row[x] + " at (" + x + "," + y + "), expected 0 or " + max;
                    }
                }
            }
        }
        return null;
    }

    /** @return the pixels a record stands for: its image, or the region of it (a tile) */
    public static BufferedImage readImage(ImageRecord record) throws ImageReadException {
        return regionOf(record, read(record.image()), record.image());
    }

    /** @return the mask of the pixels a record stands for (the record must have a mask) */
    public static BufferedImage readMask(ImageRecord record) throws ImageReadException {
        return regionOf(record, read(record.mask()), record.mask());
    }

    /** @return {@code decoded} (the file of {@code record}'s image or mask) cut to the record's region */
    public static BufferedImage regionOf(ImageRecord record, BufferedImage decoded, Path file)
            throws ImageReadException {
        return record.region() == null ? decoded : record.region().crop(decoded, file);
    }

    /** @return width and height from the image's header, without decoding its pixels */
    public static int[] size(Path path) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            ImageReader reader = readerFor(path, in);
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader readerFor(Path path, ImageInputStream in) throws ImageReadException {
        if (in == null) {
            throw new ImageReadException(path, "cannot be opened", false, null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new ImageReadException(path, "is not a PNG, JPEG, BMP or TIFF image (unknown or damaged header)",
                    false, null);
        }
        return readers.next();
    }

    /** PNG must end with an IEND chunk, JPEG with an EOI marker; else the file was cut off. */
    private static void checkEndMarker(byte[] bytes, Path path) throws ImageReadException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        int length = bytes.length;
        if (name.endsWith(".png")) {
            boolean signature = length >= 8 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N'
                    && bytes[3] == 'G';
            if (signature && (length < 8 + PNG_IEND.length
                    || !Arrays.equals(bytes, length - PNG_IEND.length, length, PNG_IEND, 0, PNG_IEND.length))) {
                throw truncated(path, null);
            }
        } else if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            // Some writers pad after the EOI marker; look for it in the last bytes.
            boolean eoi = false;
            for (int i = Math.max(0, length - 256); i + 1 < length; i++) {
                if (bytes[i] == (byte) 0xFF && bytes[i + 1] == (byte) 0xD9) {
                    eoi = true;
                }
            }
            if (!eoi && length > 0) {
                throw truncated(path, null);
            }
        }
    }

    private static ImageReadException truncated(Path path, Throwable cause) {
        return new ImageReadException(path, "truncated (the file ends before the image data does)", true, cause);
    }

    private static boolean causedByEof(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static IIOReadWarningListener collectWarnings(List<String> warnings) {
        return (source, warning) -> warnings.add(warning);
    }
}
