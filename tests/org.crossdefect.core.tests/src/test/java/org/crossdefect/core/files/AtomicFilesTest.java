package org.crossdefect.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void failedFolderWriteLeavesNothing() throws Exception {
        Path target = dir.resolve("out");
        assertThrows(IOException.class, () -> AtomicFiles.writeFolder(target, false, tmp -> {
            Files.writeString(tmp.resolve("half.txt"), "half");
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), list(dir));
    }

    @Test
    void existingFolderNeedsOverwrite() throws Exception {
        Path target = dir.resolve("out");
        AtomicFiles.writeFolder(target, false, tmp -> Files.writeString(tmp.resolve("a.txt"), "1"));
        assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFiles.writeFolder(target, false, tmp -> Files.writeString(tmp.resolve("b.txt"), "2")));
        assertEquals(List.of(target.resolve("a.txt")), list(target));
        AtomicFiles.writeFolder(target, true, tmp -> Files.writeString(tmp.resolve("b.txt"), "2"));
        assertEquals(List.of(target.resolve("b.txt")), list(target));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void fileWriteReplacesOnlyWhenComplete() throws Exception {
        Path target = dir.resolve("f.csv");
        AtomicFiles.writeFile(target, tmp -> Files.writeString(tmp, "old"));
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeFile(target, tmp -> {
            Files.writeString(tmp, "new but broken");
            throw new IllegalStateException("boom");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}
