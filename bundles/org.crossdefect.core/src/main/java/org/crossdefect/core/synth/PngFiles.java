package org.crossdefect.core.synth;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writes images as PNG, with an explicit in-memory stream so no ImageIO disk cache is used. */
final class PngFiles {

    private PngFiles() {
    }

    /** @return an 8-bit grayscale image: 255 where the mask is set, 0 elsewhere */
    static BufferedImage maskImage(boolean[] mask, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        byte[] values = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            values[i] = mask[i] ? (byte) 255 : 0;
        }
        image.getRaster().setDataElements(0, 0, size, size, values);
        return image;
    }

    static void write(BufferedImage image, Path file) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
                ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } finally {
            writer.dispose();
        }
    }
}
