package org.crossdefect.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The reader on the real MVTec AD bottle category. */
class MvtecTreeBottleTest {

    @Test
    void readsBottleCountsAndMatchesEveryDefectImageToItsMask() throws Exception {
        MvtecTree tree = MvtecTree.open(SharedData.mvtecRoot());

        assertEquals(List.of("bottle"), tree.categories());
        assertEquals(Map.of("good", 209), tree.folderCounts("bottle", SourceSplit.TRAIN));
        assertEquals(Map.of("broken_large", 20, "broken_small", 22, "contamination", 21, "good", 20),
                tree.folderCounts("bottle", SourceSplit.TEST));
        assertTrue(tree.structuralProblems().isEmpty(), () -> tree.structuralProblems().toString());

        List<ImageRecord> images = tree.images("bottle");
        assertEquals(292, images.size());
        for (ImageRecord r : images) {
            if (r.label() == Label.ANOMALOUS) {
                assertNotNull(r.mask(), r.image().toString());
                assertEquals(r.folder(), r.mask().getParent().getFileName().toString());
                assertEquals(ImageFiles.stem(r.image()) + "_mask", ImageFiles.stem(r.mask()));
                assertEquals(r.folder(), r.defectType());
                assertEquals(SourceSplit.TEST, r.split());
            } else {
                assertNull(r.mask(), r.image().toString());
                assertEquals("good", r.defectType());
            }
        }
        assertEquals(63, images.stream().filter(r -> r.mask() != null).count());
    }

    @Test
    void bottleImagesAndMasksDecodeAndMasksAreBinary() throws Exception {
        MvtecTree tree = MvtecTree.open(SharedData.mvtecRoot());
        ValidationReport report = new TreeValidator(2).validateTree(tree, Progress.NONE);
        assertTrue(report.isValid(), report::format);
    }
}
