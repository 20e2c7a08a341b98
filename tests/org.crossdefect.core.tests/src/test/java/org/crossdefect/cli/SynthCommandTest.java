package org.crossdefect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTreeThatDatasetsAcceptsAndRefusesToOverwrite() throws Exception {
        Path out = dir.resolve("synth");
        CliRunner.Result r = CliRunner.run("synth", "--out", out.toString(), "--size", "32", "--train-good", "2",
                "--test-good", "1", "--defects", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Wrote 45 images (5 categories, 32x32)"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("cut.csv")));

        CliRunner.Result check = CliRunner.run("datasets", "--root", out.toString(), "--dataset",
                out.resolve("cut.csv").toString(), "--target", "stone");
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.out().matches("(?s).*stone\\s+0 \\+ 0\\s+0 \\+ 0\\s+1 \\+ 2.*"), check.out());

        long files = Files.walk(out).count();
        CliRunner.Result again = CliRunner.run("synth", "--out", out.toString(), "--size", "32");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("--overwrite"), again.err());
        assertEquals(files, Files.walk(out).count());
    }

    @Test
    void paperShapedTreeWorksWithBuiltInDatasets() {
        Path out = dir.resolve("paper");
        CliRunner.Result r = CliRunner.run("synth", "--paper-shaped", "--out", out.toString(), "--size", "24",
                "--train-good", "1");
        assertEquals(0, r.exitCode(), r.err());
        CliRunner.Result check = CliRunner.run("datasets", "--root", out.toString(), "--dataset", "color");
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.out().contains("Dataset color: 7 domains"), check.out());
        // Built-in datasets print the paper's MVTec count beside the tree's: equal here.
        assertTrue(check.out().matches("(?s).*tile\\s+1\\s+33\\s+gray_stroke\\s+color\\s+16\\s+16.*"), check.out());
    }

    @Test
    void invalidSettingsAreUsageErrors() {
        CliRunner.Result r = CliRunner.run("synth", "--out", dir.resolve("x").toString(), "--size", "3");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("invalid synth settings"), r.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
