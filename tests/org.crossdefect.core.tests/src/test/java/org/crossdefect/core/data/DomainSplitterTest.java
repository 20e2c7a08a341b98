package org.crossdefect.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.testing.TinyTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invariants of the leave-one-domain-out split (the paper's Section 4.1). */
class DomainSplitterTest {

    @TempDir
    Path dir;

    private List<ImageRecord> images;
    private DatasetMapping mapping;

    @BeforeEach
    void tree() throws Exception {
        TinyTree tree = new TinyTree(dir);
        tree.category("a", 5, 3, "hole", "scratch");   // scratch is not in the dataset
        tree.category("b", 4, 2, "hole");
        tree.category("c", 6, 2, "poke");
        tree.defects("b", "hole2", 7);                 // odd count: floor(7 * 0.5) = 3 train
        mapping = new DatasetMapping("holes", List.of(
                new MappingEntry("a", "hole", "hole"),
                new MappingEntry("b", "hole", "hole"),
                new MappingEntry("b", "hole2", "hole"),
                new MappingEntry("c", "poke", "hole")));
        images = MvtecTree.open(dir).datasetImages(mapping);
    }

    @Test
    void rolesAreDisjointAndCoverTheDatasetExceptTargetTrainGood() {
        DomainSplit split = DomainSplitter.split("holes", images, "b", 0, 0.5);
        Set<Path> seen = new HashSet<>();
        for (DomainSplit.Assignment a : split.assignments()) {
            assertTrue(seen.add(a.image().image()), "image in two roles: " + a.image().image());
        }
        long targetTrainGood = images.stream()
                .filter(r -> r.category().equals("b") && r.split() == SourceSplit.TRAIN).count();
        assertEquals(images.size() - targetTrainGood, seen.size());
        assertTrue(images.stream().noneMatch(r -> r.folder().equals("scratch")), "unmapped folder must be left out");
    }

    @Test
    void targetAppearsOnlyInTestAndTestIsOnlyTarget() {
        for (String target : mapping.categories()) {
            DomainSplit split = DomainSplitter.split("holes", images, target, 7, 0.5);
            assertTrue(split.train().stream().noneMatch(r -> r.category().equals(target)));
            assertTrue(split.validation().stream().noneMatch(r -> r.category().equals(target)));
            assertTrue(split.test().stream().allMatch(r -> r.category().equals(target)));
            long targetTestImages = images.stream()
                    .filter(r -> r.category().equals(target) && r.split() == SourceSplit.TEST).count();
            assertEquals(targetTestImages, split.test().size(), "test = target test/good + all its defects");
        }
    }

    @Test
    void trainHasSourceTrainGoodAndValidationHasSourceTestGood() {
        DomainSplit split = DomainSplitter.split("holes", images, "a", 0, 0.5);
        assertEquals(4 + 6, split.train().stream().filter(r -> r.label() == Label.GOOD).count());
        assertTrue(split.train().stream().filter(r -> r.label() == Label.GOOD)
                .allMatch(r -> r.split() == SourceSplit.TRAIN));
        assertEquals(2 + 2, split.validation().stream().filter(r -> r.label() == Label.GOOD).count());
        assertTrue(split.validation().stream().filter(r -> r.label() == Label.GOOD)
                .allMatch(r -> r.split() == SourceSplit.TEST));
    }

    @Test
    void fractionRespectedPerSourceFolder() {
        for (double r : new double[] {0.0, 0.25, 0.5, 1.0}) {
            DomainSplit split = DomainSplitter.split("holes", images, "a", 3, r);
            assertEquals((int) Math.floor(4 * r), defects(split.train(), "b", "hole"));
            assertEquals((int) Math.floor(7 * r), defects(split.train(), "b", "hole2"));
            assertEquals((int) Math.floor(4 * r), defects(split.train(), "c", "poke"));
            assertEquals(4 - (int) Math.floor(4 * r), defects(split.validation(), "b", "hole"));
            assertEquals(7 - (int) Math.floor(7 * r), defects(split.validation(), "b", "hole2"));
        }
    }

    @Test
    void sameSeedSameSplitDifferentSeedsDifferentAnomalySplit() {
        DomainSplit first = DomainSplitter.split("holes", images, "a", 42, 0.5);
        DomainSplit again = DomainSplitter.split("holes", images, "a", 42, 0.5);
        assertEquals(first, again);
        Set<List<ImageRecord>> trainings = new HashSet<>();
        for (long seed = 0; seed < 6; seed++) {
            trainings.add(DomainSplitter.split("holes", images, "a", seed, 0.5).train());
        }
        assertTrue(trainings.size() > 1, "six seeds all chose the same training anomalies");
        assertNotEquals(DomainSplitter.split("holes", images, "a", 0, 0.5).train(),
                DomainSplitter.split("holes", images, "a", 1, 0.5).train());
    }

    @Test
    void defectTypesComeFromTheMapping() {
        assertTrue(images.stream().filter(r -> r.label() == Label.ANOMALOUS)
                .allMatch(r -> r.defectType().equals("hole")));
    }

    @Test
    void unknownTargetAndBadFractionAreClearErrors() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> DomainSplitter.split("holes", images, "zebra", 0, 0.5));
        assertTrue(e.getMessage().contains("zebra") && e.getMessage().contains("[a, b, c]"), e.getMessage());
        assertEquals("target", e.setting());
        InvalidSettingException fraction = assertThrows(InvalidSettingException.class,
                () -> DomainSplitter.split("holes", images, "a", 0, 1.5));
        assertEquals("anomaly-train-fraction", fraction.setting());
    }

    private static long defects(List<ImageRecord> images, String category, String folder) {
        return images.stream().filter(r -> r.category().equals(category) && r.folder().equals(folder)).count();
    }
}
