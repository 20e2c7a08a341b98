package org.crossdefect.core.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Writes small MVTec-layout trees for tests: 8x8 images, each with a distinct colour so files
 * differ, and binary masks for defect images.
 */
public final class TinyTree {

    public static final int SIZE = 8;

    private final Path root;
    private int counter;

    public TinyTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Adds {@code n} good training images. */
    public TinyTree trainGood(String category, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            writeImage(root.resolve(category).resolve("train/good").resolve(String.format("%03d.png", i)));
        }
        return this;
    }

    /** Adds {@code n} good test images. */
    public TinyTree testGood(String category, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            writeImage(root.resolve(category).resolve("test/good").resolve(String.format("%03d.png", i)));
        }
        return this;
    }

    /** Adds {@code n} defect test images with masks. */
    public TinyTree defects(String category, String folder, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            String stem = String.format("%03d", i);
            writeImage(root.resolve(category).resolve("test").resolve(folder).resolve(stem + ".png"));
            writeMask(root.resolve(category).resolve("ground_truth").resolve(folder).resolve(stem + "_mask.png"),
                    SIZE, SIZE);
        }
        return this;
    }

    /** A whole category: train/good, test/good and defect folders. */
    public TinyTree category(String category, int trainGood, int testGood, String... defectFolders)
            throws IOException {
        trainGood(category, trainGood);
        testGood(category, testGood);
        for (String folder : defectFolders) {
            defects(category, folder, 4);
        }
        return this;
    }

    public void writeImage(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        int colour = (++counter * 2654435761L) > 0 ? (int) (counter * 2654435761L) & 0xFFFFFF : counter;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                image.setRGB(x, y, colour ^ (x * 16 + y));
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    public static void writeMask(Path file, int width, int height) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = height / 4; y < height / 2; y++) {
            for (int x = width / 4; x < width / 2; x++) {
                mask.getRaster().setSample(x, y, 0, 255);
            }
        }
        ImageIO.write(mask, "png", file.toFile());
    }
}
