package org.crossdefect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.crossdefect.core.testing.SharedData;
import org.crossdefect.core.testing.TinyTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsRealBottleTree() {
        CliRunner.Result r = CliRunner.run("datasets", "--root", SharedData.mvtecRoot().toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("1 category, 292 images"), r.out());
        assertTrue(r.out().matches("(?s).*bottle\\s+test\\s+broken_small\\s+22\\s+22.*"), r.out());
        assertTrue(r.out().contains("No problems found."), r.out());
    }

    @Test
    void badTreeExitsNonZeroListsAllProblemsAndWritesNothing() throws Exception {
        Path root = dir.resolve("tree");
        TinyTree tree = new TinyTree(root).category("carpet", 2, 1, "hole").category("wood", 2, 1, "hole");
        Files.write(root.resolve("carpet/train/good/000.png"), new byte[] {1, 2, 3});
        // A defect image without a mask is no problem any more (tested on, never trained on): a second corrupt one.
        tree.writeImage(root.resolve("wood/test/hole/009.png"));
        Files.write(root.resolve("wood/train/good/000.png"), new byte[] {4, 5, 6});
        List<String> before = snapshot(dir);

        CliRunner.Result r = CliRunner.run("datasets", "--root", root.toString());

        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("2 problems found"), r.err());
        assertTrue(r.err().contains(root.resolve("carpet/train/good/000.png").toString()), r.err());
        assertTrue(r.err().contains(root.resolve("wood/train/good/000.png").toString()), r.err());
        assertTrue(!r.err().contains("009.png"), "a maskless defect image is not a problem: " + r.err());
        assertEquals(before, snapshot(dir), "datasets must not write anything");
    }

    @Test
    void datasetFromMappingFileWithTargetPrintsSplit() throws Exception {
        Path root = dir.resolve("tree");
        new TinyTree(root).category("carpet", 3, 2, "hole").category("wood", 4, 1, "poke")
                .category("tile", 2, 2, "crack");
        Path mapping = dir.resolve("holes.csv");
        Files.writeString(mapping, "category,folder\ncarpet,hole\nwood,poke\n");

        CliRunner.Result r = CliRunner.run("datasets", "--root", root.toString(), "--dataset", mapping.toString(),
                "--target", "wood", "--seed", "3");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Dataset holes: 2 domains"), r.out());
        // carpet (source): 3 train/good + floor(4 * 0.5) defects; validation 2 test/good + 2 defects.
        assertTrue(r.out().matches("(?s).*carpet\\s+3 \\+ 2\\s+2 \\+ 2\\s+0 \\+ 0.*"), r.out());
        assertTrue(r.out().matches("(?s).*wood\\s+0 \\+ 0\\s+0 \\+ 0\\s+1 \\+ 4.*"), r.out());
    }

    @Test
    void unknownTargetAndUnknownDatasetAreClearErrors() throws Exception {
        Path root = dir.resolve("tree");
        new TinyTree(root).category("carpet", 1, 1, "hole").category("wood", 1, 1, "hole");
        Path mapping = dir.resolve("holes.csv");
        Files.writeString(mapping, "category,folder\ncarpet,hole\nwood,hole\n");

        CliRunner.Result wrongTarget = CliRunner.run("datasets", "--root", root.toString(), "--dataset",
                mapping.toString(), "--target", "pill");
        assertEquals(2, wrongTarget.exitCode());
        assertTrue(wrongTarget.err().contains("'pill'") && wrongTarget.err().contains("[carpet, wood]"),
                wrongTarget.err());

        CliRunner.Result wrongDataset = CliRunner.run("datasets", "--root", root.toString(), "--dataset", "holes");
        assertEquals(1, wrongDataset.exitCode());
        assertTrue(wrongDataset.err().contains("neither a built-in dataset"), wrongDataset.err());

        CliRunner.Result builtInOnSmallTree = CliRunner.run("datasets", "--root", root.toString(), "--dataset", "hole");
        assertEquals(1, builtInOnSmallTree.exitCode());
        assertTrue(builtInOnSmallTree.err().contains("names category 'cable'"), builtInOnSmallTree.err());

        CliRunner.Result missingRoot = CliRunner.run("datasets", "--root", dir.resolve("nope").toString());
        assertEquals(1, missingRoot.exitCode());
        assertTrue(missingRoot.err().contains("nope"), missingRoot.err());

        // A category folder as the root: told to point at the folder above, never to remove train/ or test/.
        Path category = root.resolve("carpet");
        CliRunner.Result oneCategory = CliRunner.run("datasets", "--root", category.toString());
        assertEquals(1, oneCategory.exitCode());
        assertTrue(oneCategory.err().contains("folder above") && oneCategory.err().contains(root.toAbsolutePath()
                .normalize().toString()), oneCategory.err());
        assertTrue(!oneCategory.err().contains("remove the category folder"), oneCategory.err());
        // A file as the root, and an empty root: problems, not "No problems found".
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRunner.Result fileRoot = CliRunner.run("datasets", "--root", file.toString());
        assertEquals(1, fileRoot.exitCode());
        assertTrue(fileRoot.err().contains("is a file, not a folder"), fileRoot.err());
        Path empty = Files.createDirectories(dir.resolve("empty-root"));
        CliRunner.Result emptyRoot = CliRunner.run("datasets", "--root", empty.toString());
        assertEquals(1, emptyRoot.exitCode(), emptyRoot.out());
        assertTrue(emptyRoot.err().contains("no category folder"), emptyRoot.err());
    }

    private static List<String> snapshot(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.map(p -> p + ":" + p.toFile().length() + ":" + p.toFile().lastModified()).sorted().toList();
        }
    }
}
