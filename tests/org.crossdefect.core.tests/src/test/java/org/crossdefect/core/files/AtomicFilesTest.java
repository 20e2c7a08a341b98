package org.crossdefect.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.crossdefect.core.error.DiskFullException;
import org.crossdefect.core.error.OutputExistsException;

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
        assertThrows(OutputExistsException.class,
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

    /**
     * Two runs pass the early "exists?" check together and both write: the final step lets
     * exactly one publish; the other fails naming the output, and the survivor is complete.
     */
    @Test
    void ofTwoRacingFolderWritesWithoutOverwriteExactlyOneWins() throws Exception {
        Path target = dir.resolve("run");
        List<Outcome> outcomes = race(2, (i, bothStarted) -> AtomicFiles.writeFolder(target, false, tmp -> {
            awaitBoth(bothStarted);
            Files.writeString(tmp.resolve("metrics.csv"), "run " + i);
            Files.writeString(tmp.resolve("report.md"), "run " + i);
        }));
        assertEquals(1, outcomes.stream().filter(o -> o.failure() == null).count(), outcomes.toString());
        Outcome lost = outcomes.stream().filter(o -> o.failure() != null).findFirst().orElseThrow();
        assertTrue(lost.failure() instanceof OutputExistsException, lost.toString());
        assertTrue(lost.failure().getMessage().contains(target.toString()), lost.failure().getMessage());
        int winner = outcomes.stream().filter(o -> o.failure() == null).findFirst().orElseThrow().index();
        assertEquals("run " + winner, Files.readString(target.resolve("metrics.csv")));
        assertEquals("run " + winner, Files.readString(target.resolve("report.md")));
        assertEquals(List.of(target), list(dir), "no temporary folder is left");
    }

    @Test
    void ofTwoRacingFileWritesWithoutOverwriteExactlyOneWins() throws Exception {
        Path target = dir.resolve("model.zip");
        List<Outcome> outcomes = race(2, (i, bothStarted) -> AtomicFiles.writeFile(target, false, tmp -> {
            awaitBoth(bothStarted);
            Files.writeString(tmp, "model " + i);
        }));
        assertEquals(1, outcomes.stream().filter(o -> o.failure() == null).count(), outcomes.toString());
        assertTrue(outcomes.stream().anyMatch(o -> o.failure() instanceof OutputExistsException), outcomes.toString());
        int winner = outcomes.stream().filter(o -> o.failure() == null).findFirst().orElseThrow().index();
        assertEquals("model " + winner, Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void overwritingAFolderReplacesItWhole() throws Exception {
        Path target = dir.resolve("run");
        AtomicFiles.writeFolder(target, false, tmp -> Files.writeString(tmp.resolve("a.txt"), "1"));
        AtomicFiles.writeFolder(target, true, tmp -> Files.writeString(tmp.resolve("b.txt"), "2"));
        assertEquals(List.of(target.resolve("b.txt")), list(target));
        assertEquals(List.of(target), list(dir), "the old folder is gone, nothing hidden is left");
    }

    /** What a killed writer left (its pid is gone) is removed; a live writer's temporary is kept. */
    @Test
    void temporariesOfDeadProcessesAreRemovedOthersKept() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        long dead = finished.pid();
        long alive = ProcessHandle.current().pid();
        Path deadFile = Files.writeString(dir.resolve(".abc.emb." + dead + "-123.tmp"), "half");
        Path deadFolder = Files.createDirectories(dir.resolve(".s2." + dead + "-456"));
        Files.writeString(deadFolder.resolve("x.png"), "half");
        Path liveFile = Files.writeString(dir.resolve(".def.emb." + alive + "-789.tmp"), "in progress");
        Path legacyOld = Files.writeString(dir.resolve(".ghi.emb.1234567890.tmp"), "old");
        Files.setLastModifiedTime(legacyOld, FileTime.from(Instant.now().minus(3, ChronoUnit.DAYS)));
        Path legacyNew = Files.writeString(dir.resolve(".jkl.emb.1234567891.tmp"), "recent");
        Path userFile = Files.writeString(dir.resolve(".hidden-config"), "mine");
        assertEquals(3, AtomicFiles.removeStaleTemporaries(dir, ".*"));
        assertFalse(Files.exists(deadFile));
        assertFalse(Files.exists(deadFolder));
        assertFalse(Files.exists(legacyOld));
        assertTrue(Files.exists(liveFile));
        assertTrue(Files.exists(legacyNew), "a recent temporary without a pid may belong to a live old version");
        assertTrue(Files.exists(userFile));
    }

    @Test
    void aFullDiskIsReportedAsSuchNamingTheTarget() {
        Path target = dir.resolve("out.csv");
        DiskFullException e = assertThrows(DiskFullException.class, () -> AtomicFiles.writeFile(target, tmp -> {
            throw new FileSystemException(tmp.toString(), null, "No space left on device");
        }));
        assertTrue(e.getMessage().contains(target.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("full"), e.getMessage());
        assertFalse(Files.exists(target));
        // ImageIO wraps the real failure in its own message.
        Path png = dir.resolve("map.png");
        assertThrows(DiskFullException.class, () -> AtomicFiles.writeFolder(png, false, tmp -> {
            throw new IOException("I/O error writing PNG file!", new IOException("No space left on device"));
        }));
    }

    private static void awaitBoth(CountDownLatch started) throws java.io.InterruptedIOException {
        started.countDown();
        try {
            started.await();
        } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException();
        }
    }

    private record Outcome(int index, Throwable failure) {
    }

    @FunctionalInterface
    private interface RacingWrite {
        void write(int index, CountDownLatch bothStarted) throws Exception;
    }

    private static List<Outcome> race(int writers, RacingWrite write) throws Exception {
        CountDownLatch started = new CountDownLatch(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    try {
                        write.write(index, started);
                        return null;
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                outcomes.add(new Outcome(i, futures.get(i).get()));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}
