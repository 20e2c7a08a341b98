package org.crossdefect.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes files and folders so that a reader sees either nothing or the complete result: the
 * content goes to a temporary sibling first and is moved into place only when it is complete.
 * A failure or a cancel deletes the temporary sibling.
 */
public final class AtomicFiles {

    /** Fills a path (a file, or a folder that already exists) with content. */
    @FunctionalInterface
    public interface Writer {
        void write(Path destination) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes one file. The writer receives a temporary path in the same folder as {@code target}
     * and must create the file there.
     */
    public static void writeFile(Path target, Writer writer) throws IOException {
        Path parent = absoluteParent(target);
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
        try {
            writer.write(temp);
            readableByOthers(temp, "rw-r--r--");
            moveIntoPlace(temp, target, true);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Writes a whole folder. The writer receives an empty temporary folder beside
     * {@code target}; when it returns, the folder takes the target's name.
     *
     * @param overwrite whether an existing target may be replaced; if false an existing target is
     *     an error raised before the writer runs
     */
    public static void writeFolder(Path target, boolean overwrite, Writer writer) throws IOException {
        if (Files.exists(target) && !overwrite) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "already exists; choose another output folder or allow overwriting (--overwrite)");
        }
        Path parent = absoluteParent(target);
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
        try {
            writer.write(temp);
            readableByOthers(temp, "rwxr-xr-x");
            if (Files.exists(target)) {
                deleteRecursively(target);
            }
            moveIntoPlace(temp, target, false);
        } catch (IOException | RuntimeException | Error e) {
            deleteRecursively(temp);
            throw e;
        }
    }

    /** Deletes a file or a folder with everything in it; a missing path is fine. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Temporary files are created private (0600/0700); what we publish should have the usual
     * permissions of a file the user wrote, so others (a KNIME server, a colleague) can read it.
     */
    private static void readableByOthers(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
        }
    }

    private static Path absoluteParent(Path target) {
        return target.toAbsolutePath().getParent();
    }

    private static void moveIntoPlace(Path temp, Path target, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            // Only on file systems without atomic rename; the temp sibling still keeps readers
            // from ever seeing a half-written file at the target path for more than the move.
            if (replace) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, target);
            }
        }
    }
}
