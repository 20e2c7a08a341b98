package org.crossdefect.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.crossdefect.core.error.OutputExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.crossdefect.core.progress.CancelledException;
import org.crossdefect.core.progress.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticMvtecGeneratorTest {

    private static final int SIZE = 64;
    private static final int TRAIN_GOOD = 3;
    private static final int TEST_GOOD = 2;
    private static final int PER_KIND = 2;
    private static final SynthSpec SMALL = SynthSpec.standard(SIZE, TRAIN_GOOD, TEST_GOOD, PER_KIND, 7);

    @TempDir
    static Path shared;
    private static Path smallTree;

    @BeforeAll
    static void generateSmallTree() throws IOException {
        smallTree = shared.resolve("small");
        SyntheticMvtecGenerator.generate(SMALL, smallTree, false, Progress.NONE);
    }

    @Test
    void writesEveryExpectedFileAndNothingElse() throws IOException {
        List<String> expected = new ArrayList<>(List.of("hole.csv", "cut.csv", "color.csv"));
        for (String category : List.of("fabric", "wood", "tiles", "stone", "disc")) {
            for (String name : TreeFiles.numbered(TRAIN_GOOD, ".png")) {
                expected.add(category + "/train/good/" + name);
            }
            for (String name : TreeFiles.numbered(TEST_GOOD, ".png")) {
                expected.add(category + "/test/good/" + name);
            }
            for (String defect : List.of("hole", "cut", "color")) {
                for (String name : TreeFiles.numbered(PER_KIND, ".png")) {
                    expected.add(category + "/test/" + defect + "/" + name);
                }
                for (String name : TreeFiles.numbered(PER_KIND, "_mask.png")) {
                    expected.add(category + "/ground_truth/" + defect + "/" + name);
                }
            }
        }
        assertEquals(expected.stream().sorted().toList(), List.copyOf(TreeFiles.contents(smallTree).keySet()));
    }

    @Test
    void imagesAreRgbAndMasksAreBinaryNonEmptyAndTheSameSize() throws IOException {
        for (CategorySpec category : SMALL.categories()) {
            Path root = smallTree.resolve(category.name());
            for (String folder : List.of("train/good", "test/good", "test/hole", "test/cut", "test/color")) {
                for (String name : TreeFiles.names(root.resolve(folder))) {
                    BufferedImage image = TreeFiles.read(root.resolve(folder).resolve(name));
                    assertEquals(SIZE, image.getWidth(), name);
                    assertEquals(SIZE, image.getHeight(), name);
                    assertEquals(3, image.getColorModel().getNumComponents(), folder + "/" + name + " is RGB");
                    assertFalse(image.getColorModel().hasAlpha());
                    assertEquals(8, image.getColorModel().getComponentSize(0));
                }
            }
            for (String defect : List.of("hole", "cut", "color")) {
                Path masks = root.resolve("ground_truth").resolve(defect);
                for (String name : TreeFiles.names(masks)) {
                    BufferedImage mask = TreeFiles.read(masks.resolve(name));
                    assertEquals(BufferedImage.TYPE_BYTE_GRAY, mask.getType(), name + " is 8-bit grey");
                    assertEquals(SIZE, mask.getWidth());
                    assertEquals(SIZE, mask.getHeight());
                    int defectPixels = 0;
                    for (int y = 0; y < SIZE; y++) {
                        for (int x = 0; x < SIZE; x++) {
                            int value = mask.getRaster().getSample(x, y, 0);
                            assertTrue(value == 0 || value == 255, "mask value " + value + " in " + masks.resolve(name));
                            defectPixels += value == 255 ? 1 : 0;
                        }
                    }
                    assertTrue(defectPixels > 0, "empty mask " + masks.resolve(name));
                    assertTrue(defectPixels < SIZE * SIZE / 4, "defect covers too much of " + masks.resolve(name));
                }
            }
        }
    }

    @Test
    void goodImagesOfACategoryAreVariationsNotCopies() throws IOException {
        for (CategorySpec category : SMALL.categories()) {
            Path good = smallTree.resolve(category.name()).resolve("train/good");
            BufferedImage first = TreeFiles.read(good.resolve("000.png"));
            BufferedImage second = TreeFiles.read(good.resolve("001.png"));
            assertTrue(Images.meanAbsoluteDifference(first, second) > 3,
                    category.name() + " good images should differ by more than sensor noise");
        }
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedOtherImages(@TempDir Path dir) throws IOException {
        Path again = dir.resolve("again");
        SyntheticMvtecGenerator.generate(SMALL, again, false, Progress.NONE);
        assertSameFiles(TreeFiles.contents(smallTree), TreeFiles.contents(again));

        Path other = dir.resolve("other");
        SynthSpec otherSeed = SynthSpec.standard(SIZE, TRAIN_GOOD, TEST_GOOD, PER_KIND, 8);
        SyntheticMvtecGenerator.generate(otherSeed, other, false, Progress.NONE);
        Map<String, byte[]> first = TreeFiles.contents(smallTree);
        Map<String, byte[]> second = TreeFiles.contents(other);
        assertEquals(first.keySet(), second.keySet());
        for (String image : first.keySet()) {
            if (image.endsWith(".png") && !image.contains("ground_truth")) {
                assertFalse(Arrays.equals(first.get(image), second.get(image)), image + " did not change with the seed");
            }
        }
    }

    @Test
    void aCategorysImagesDoNotDependOnTheOtherCategories(@TempDir Path dir) throws IOException {
        CategorySpec wood = SMALL.categories().get(1);
        Path alone = dir.resolve("alone");
        SyntheticMvtecGenerator.generate(new SynthSpec(List.of(wood), SIZE, SMALL.seed()), alone, false, Progress.NONE);
        assertSameFiles(TreeFiles.contents(smallTree.resolve("wood")), TreeFiles.contents(alone.resolve("wood")));
    }

    @Test
    void reportsEveryImageToProgress(@TempDir Path dir) throws IOException {
        List<long[]> updates = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                updates.add(new long[] {done, total});
            }

            @Override
            public boolean cancelRequested() {
                return false;
            }
        };
        SynthSpec spec = SynthSpec.standard(32, 1, 1, 1, 0);
        SyntheticMvtecGenerator.generate(spec, dir.resolve("tree"), false, recording);
        assertEquals(spec.imageCount(), updates.size());
        for (int i = 0; i < updates.size(); i++) {
            assertArrayEquals(new long[] {i + 1, spec.imageCount()}, updates.get(i));
        }
    }

    @Test
    void refusesAnExistingFolderWithoutOverwriteAndLeavesItAlone(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("tree");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        SynthSpec spec = SynthSpec.standard(32, 1, 1, 1, 0);

        assertThrows(OutputExistsException.class,
                () -> SyntheticMvtecGenerator.generate(spec, out, false, Progress.NONE));
        assertEquals(List.of("keep.txt"), TreeFiles.names(out));
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
        assertEquals(List.of("tree"), TreeFiles.names(dir));

        SyntheticMvtecGenerator.generate(spec, out, true, Progress.NONE);
        assertFalse(Files.exists(out.resolve("keep.txt")), "overwrite replaces the folder");
        assertTrue(Files.isDirectory(out.resolve("disc/test/hole")));
    }

    @Test
    void cancelLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Progress cancelAfterThree = new Progress() {
            private int updates;

            @Override
            public void update(long done, long total, String message) {
                updates++;
            }

            @Override
            public boolean cancelRequested() {
                return updates >= 3;
            }
        };
        Path out = dir.resolve("tree");
        assertThrows(CancelledException.class,
                () -> SyntheticMvtecGenerator.generate(SMALL, out, false, cancelAfterThree));
        assertFalse(Files.exists(out));
        assertEquals(List.of(), TreeFiles.names(dir), "no temporary folder left");
    }

    private static void assertSameFiles(TreeMap<String, byte[]> expected, TreeMap<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String file : expected.keySet()) {
            assertArrayEquals(expected.get(file), actual.get(file), file);
        }
        assertNotEquals(0, expected.size());
    }
}
