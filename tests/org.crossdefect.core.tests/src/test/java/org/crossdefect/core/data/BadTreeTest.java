package org.crossdefect.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.testing.TinyTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tree with one of each problem yields one report listing every problem with its path. */
class BadTreeTest {

    @TempDir
    Path dir;

    Path root;
    Path corruptPng;
    Path truncatedJpeg;
    Path withoutMask;
    Path wrongSizeMask;
    Path greyMask;
    Path emptyCategory;
    Path notAnImage;

    @BeforeEach
    void writeBadTree() throws Exception {
        root = dir.resolve("bad");
        TinyTree tree = new TinyTree(root);
        tree.category("carpet", 3, 2, "hole");
        tree.category("wood", 3, 2, "hole");

        corruptPng = root.resolve("carpet/train/good/003.png");
        byte[] noise = new byte[500];
        new java.util.Random(1).nextBytes(noise);
        Files.write(corruptPng, noise);

        truncatedJpeg = root.resolve("carpet/test/good/002.jpg");
        BufferedImage big = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 64; i++) {
            big.setRGB(i, i, 0xFFFFFF);
        }
        ImageIO.write(big, "jpg", truncatedJpeg.toFile());
        byte[] jpeg = Files.readAllBytes(truncatedJpeg);
        Files.write(truncatedJpeg, Arrays.copyOf(jpeg, jpeg.length * 2 / 3));

        withoutMask = root.resolve("wood/test/hole/004.png");
        tree.writeImage(withoutMask);

        wrongSizeMask = root.resolve("wood/ground_truth/hole/001_mask.png");
        TinyTree.writeMask(wrongSizeMask, 16, 8);

        greyMask = root.resolve("wood/ground_truth/hole/002_mask.png");
        BufferedImage grey = new BufferedImage(TinyTree.SIZE, TinyTree.SIZE, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(3, 3, 0, 128);
        ImageIO.write(grey, "png", greyMask.toFile());

        emptyCategory = root.resolve("tile");
        Files.createDirectories(emptyCategory.resolve("train/good"));

        notAnImage = root.resolve("wood/train/good/notes.txt");
        Files.writeString(notAnImage, "hello");
    }

    /**
     * predict checks what it predicts: the target's test images, not the training images it does
     * not read, and not test images whose embeddings are stored (their bytes decoded before).
     */
    @Test
    void predictChecksOnlyItsTestImagesAndSkipsOnesKnownGood() throws Exception {
        ImageSelection carpet = new ImageSelection(root, "carpet", null, null, 0, 0.5);
        InvalidDatasetException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidDatasetException.class,
                () -> carpet.validatedTestImages(Progress.NONE, r -> false));
        List<Path> named = e.report().problems().stream().map(ValidationProblem::path).toList();
        assertTrue(named.contains(truncatedJpeg), named.toString());
        assertTrue(!named.contains(corruptPng), "a training image predict does not read: " + named);

        List<ImageRecord> test = carpet.validatedTestImages(Progress.NONE, r -> r.image().equals(truncatedJpeg));
        assertTrue(test.stream().anyMatch(r -> r.image().equals(truncatedJpeg)));
        assertTrue(test.stream().allMatch(r -> r.image().startsWith(root.resolve("carpet/test"))), test.toString());
    }

    @Test
    void reportListsEveryProblemWithItsPath() throws Exception {
        ValidationReport report = new TreeValidator(2).validateTree(MvtecTree.open(root), Progress.NONE);

        Map<Path, ProblemKind> expected = Map.of(
                corruptPng, ProblemKind.UNREADABLE_IMAGE,
                truncatedJpeg, ProblemKind.TRUNCATED_IMAGE,
                wrongSizeMask, ProblemKind.MASK_SIZE_MISMATCH,
                greyMask, ProblemKind.MASK_NOT_BINARY,
                emptyCategory, ProblemKind.EMPTY_CATEGORY,
                notAnImage, ProblemKind.UNSUPPORTED_FILE);
        assertEquals(expected.size(), report.problems().size(), report.format());
        for (Map.Entry<Path, ProblemKind> e : expected.entrySet()) {
            assertTrue(report.problems().stream().anyMatch(p -> p.path().equals(e.getKey()) && p.kind() == e.getValue()),
                    "missing " + e.getValue() + " for " + e.getKey() + " in\n" + report.format());
        }
        String text = report.format();
        assertTrue(text.startsWith("6 problems found"), text);
        // A defect image without a mask is no problem: tested on with image metrics (issue 12).
        assertTrue(report.problems().stream().noneMatch(p -> p.path().equals(withoutMask)), text);
        assertTrue(MvtecTree.open(root).images("wood").stream().anyMatch(r -> r.image().equals(withoutMask)
                && r.mask() == null));
        for (Path p : expected.keySet()) {
            assertTrue(text.contains(p.toString()), p + " not named in\n" + text);
        }
        assertTrue(text.contains("128"), "the non-binary value should be named:\n" + text);
        // Each problem states its fix once (the reason no longer repeats it).
        String corrupt = text.lines().filter(l -> l.contains(corruptPng.toString())).findFirst().orElseThrow();
        assertEquals(1, corrupt.split("intact", -1).length - 1, corrupt);
        String truncated = text.lines().filter(l -> l.contains(truncatedJpeg.toString())).findFirst().orElseThrow();
        assertEquals(1, truncated.split("again", -1).length - 1, truncated);
    }

    @Test
    void datasetValidationOnlyReportsWhatTheDatasetUses() throws Exception {
        // A dataset of carpet alone uses carpet's images: the corrupt PNG and the truncated JPEG.
        DatasetMapping carpetHoles = new DatasetMapping("carpet-holes",
                List.of(new MappingEntry("carpet", "hole", "hole")));
        ValidationReport report = new TreeValidator(1).validateDataset(MvtecTree.open(root), carpetHoles,
                Progress.NONE);
        assertEquals(List.of(ProblemKind.UNREADABLE_IMAGE, ProblemKind.TRUNCATED_IMAGE),
                report.problems().stream().map(ValidationProblem::kind).sorted().toList(), report.format());
    }
}
