package org.crossdefect.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.crossdefect.core.error.DiskFullException;
import org.crossdefect.core.error.OutputExistsException;

/**
 * Writes files and folders so that a reader sees either nothing or the complete result: the
 * content goes to a temporary sibling first and is moved into place only when it is complete.
 * A failure or a cancel deletes the temporary sibling.
 *
 * <p>Without overwrite the final step refuses an existing target atomically (a hard link for a
 * file, claiming the name with an empty folder for a folder), so of two runs racing for one
 * output exactly one publishes and the other fails naming it; the check before the work only
 * saves the work. Temporary names carry the writing process's id, so what a killed process left
 * behind is recognised and removed by later runs ({@link #removeStaleTemporaries}).
 */
public final class AtomicFiles {

    /** Fills a path (a file, or a folder that already exists) with content. */
    @FunctionalInterface
    public interface Writer {
        void write(Path destination) throws IOException;
    }

    /** {@code .<target name>.<pid>-<random>[.tmp]}, as {@link #tempPrefix} names them. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d+)-\\d+(?:\\.tmp)?");
    /** What versions before pid-tagged names left: {@code .<target name>.<random>[.tmp]}. */
    private static final Pattern LEGACY_TEMPORARY = Pattern.compile("\\..+\\.\\d{6,}(?:\\.tmp)?");
    /** Old enough that no live run can still own it, even if its pid was reused since. */
    private static final Duration SURELY_STALE = Duration.ofDays(2);
    private static final long OWN_PID = ProcessHandle.current().pid();

    private AtomicFiles() {
    }

    /**
     * Writes one file, replacing an existing one. The writer receives a temporary path in the
     * same folder as {@code target} and must create the file there.
     */
    public static void writeFile(Path target, Writer writer) throws IOException {
        writeFile(target, true, writer);
    }

    /**
     * Writes one file.
     *
     * @param overwrite whether an existing target may be replaced; if false an existing target,
     *     even one that appeared while the writer ran, is an {@link OutputExistsException}
     */
    public static void writeFile(Path target, boolean overwrite, Writer writer) throws IOException {
        Path parent = absoluteParent(target);
        createFolders(parent, target);
        Path temp;
        try {
            temp = Files.createTempFile(parent, tempPrefix(target), ".tmp");
        } catch (IOException e) {
            throw diskFullOr(e, target);
        }
        try {
            writer.write(temp);
            readableByOthers(temp, "rw-r--r--");
            if (overwrite) {
                moveIntoPlace(temp, target);
            } else {
                publishNewFile(temp, target);
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw diskFullOr(e, target);
        } catch (RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            if (DiskFullException.isDiskFull(e) && !(e instanceof DiskFullException)) {
                throw new DiskFullException(target, e);
            }
            throw e;
        }
    }

    /**
     * Writes a whole folder. The writer receives an empty temporary folder beside
     * {@code target}; when it returns, the folder takes the target's name.
     *
     * @param overwrite whether an existing target may be replaced; if false an existing target is
     *     an error raised before the writer runs, and again if it appeared while the writer ran
     */
    public static void writeFolder(Path target, boolean overwrite, Writer writer) throws IOException {
        if (Files.exists(target) && !overwrite) {
            throw exists(target);
        }
        Path parent = absoluteParent(target);
        createFolders(parent, target);
        removeStaleTemporaries(parent, "." + target.getFileName() + ".*");
        Path temp;
        try {
            temp = Files.createTempDirectory(parent, tempPrefix(target));
        } catch (IOException e) {
            throw diskFullOr(e, target);
        }
        try {
            writer.write(temp);
            readableByOthers(temp, "rwxr-xr-x");
            publishFolder(temp, target, overwrite);
        } catch (IOException e) {
            deleteRecursively(temp);
            throw diskFullOr(e, target);
        } catch (RuntimeException | Error e) {
            deleteRecursively(temp);
            if (DiskFullException.isDiskFull(e)) {
                // Name the folder asked for, not the file inside its temporary sibling that failed.
                throw new DiskFullException(target, e);
            }
            throw e;
        }
    }

    /**
     * Deletes temporary files and folders in {@code folder} that a writer which no longer runs
     * left behind (a killed process): its process id is not alive, or the entry is older than any
     * run could be. Entries of live processes, this one included, are kept.
     *
     * @param glob which names to consider, e.g. {@code ".*"}
     * @return how many were deleted
     */
    public static int removeStaleTemporaries(Path folder, String glob) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, glob)) {
            for (Path entry : entries) {
                if (isStale(entry)) {
                    try {
                        deleteRecursively(entry);
                        removed++;
                    } catch (IOException e) {
                        // Another run cleans it up at the same moment, or it is not ours to delete: keep going.
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Cleaning up is a courtesy; a folder we cannot list is reported by the real work.
        }
        return removed;
    }

    static boolean isStale(Path entry) {
        String name = entry.getFileName().toString();
        Matcher tagged = TEMPORARY.matcher(name);
        boolean old = olderThan(entry, SURELY_STALE);
        if (tagged.matches()) {
            long pid;
            try {
                pid = Long.parseLong(tagged.group(1));
            } catch (NumberFormatException e) {
                return old;
            }
            if (pid == OWN_PID) {
                return false;
            }
            return old || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
        return LEGACY_TEMPORARY.matcher(name).matches() && old;
    }

    private static boolean olderThan(Path entry, Duration age) {
        try {
            return Files.getLastModifiedTime(entry).toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
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

    private static String tempPrefix(Path target) {
        return "." + target.getFileName() + "." + OWN_PID + "-";
    }

    private static OutputExistsException exists(Path target) {
        return new OutputExistsException(target);
    }

    private static void createFolders(Path parent, Path target) throws IOException {
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw diskFullOr(e, target);
        }
    }

    private static IOException diskFullOr(IOException e, Path target) {
        if (DiskFullException.isDiskFull(e)) {
            throw new DiskFullException(target, e);
        }
        return e;
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

    /**
     * A hard link fails if the target exists, atomically, where a rename would replace it; so
     * two runs racing for one file cannot both win.
     */
    private static void publishNewFile(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw exists(target);
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            if (Files.exists(target)) {
                throw exists(target);
            }
            // A file system without hard links: a move that checks first, not atomic but narrow.
            try {
                Files.move(temp, target);
            } catch (FileAlreadyExistsException e) {
                throw exists(target);
            }
            return;
        }
        Files.delete(temp);
    }

    private static void publishFolder(Path temp, Path target, boolean overwrite) throws IOException {
        if (overwrite && Files.exists(target)) {
            // The old folder steps aside in one rename and is deleted once the new one is in place.
            Path old = Files.createTempDirectory(absoluteParent(target), tempPrefix(target));
            Files.delete(old);
            try {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.NoSuchFileException gone) {
                old = null;
            }
            try {
                moveIntoPlace(temp, target);
            } catch (IOException | RuntimeException e) {
                if (old != null && !Files.exists(target)) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            if (old != null) {
                deleteRecursively(old);
            }
            return;
        }
        // Claiming the name with an empty folder fails if another run has it; a rename onto
        // one's own empty folder then replaces it in one step (POSIX).
        try {
            Files.createDirectory(target);
        } catch (FileAlreadyExistsException e) {
            throw exists(target);
        }
        try {
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            // Windows renames nothing onto a folder: give the claim back and take the free name.
            try {
                Files.deleteIfExists(target);
                Files.move(temp, target);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException taken) {
                throw exists(target);
            }
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Only on file systems without atomic rename; the temp sibling still keeps readers
            // from ever seeing a half-written file at the target path for more than the move.
            if (Files.isDirectory(target)) {
                Files.delete(target);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
