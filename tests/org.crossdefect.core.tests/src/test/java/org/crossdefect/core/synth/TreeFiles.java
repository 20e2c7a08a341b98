package org.crossdefect.core.synth;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/** Reading helpers for generated trees in tests. */
final class TreeFiles {

    private TreeFiles() {
    }

    /** @return the names of the files directly in a folder, sorted */
    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** @return every file below root, by path relative to root, with its bytes */
    static TreeMap<String, byte[]> contents(Path root) throws IOException {
        TreeMap<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                try {
                    contents.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return contents;
    }

    static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not a readable image: " + file);
        }
        return image;
    }

    /** @return "000", "001", ... for a count of files */
    static List<String> numbered(int count, String suffix) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> String.format("%03d%s", i, suffix)).toList();
    }
}
