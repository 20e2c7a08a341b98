package org.crossdefect.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.crossdefect.core.data.BuiltInMappings;
import org.crossdefect.core.data.BuiltInMappings.PaperCategory;
import org.crossdefect.core.data.BuiltInMappings.PaperFolder;
import org.crossdefect.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperShapedSpecTest {

    @Test
    void generatedTreeHasThePapersFoldersWithMvtecCounts(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("paper");
        SyntheticMvtecGenerator.generate(SynthSpec.paperShaped(48, 2, 0), out, false, Progress.NONE);

        for (String dataset : BuiltInMappings.NAMES) {
            for (PaperFolder f : BuiltInMappings.paperFolders(dataset)) {
                Path category = out.resolve(f.category());
                assertEquals(TreeFiles.numbered(f.testImages(), ".png"),
                        TreeFiles.names(category.resolve("test").resolve(f.folder())), f.toString());
                assertEquals(TreeFiles.numbered(f.testImages(), "_mask.png"),
                        TreeFiles.names(category.resolve("ground_truth").resolve(f.folder())), f.toString());
            }
        }
        for (PaperCategory c : BuiltInMappings.paperCategories()) {
            Path category = out.resolve(c.name());
            assertEquals(c.testGoodImages(), TreeFiles.names(category.resolve("test/good")).size(), c.name());
            assertEquals(2, TreeFiles.names(category.resolve("train/good")).size(), c.name());
        }
        // One folder per category plus the mapping files hole.csv, cut.csv and color.csv.
        assertEquals(BuiltInMappings.paperCategories().size() + BuiltInMappings.NAMES.size(),
                TreeFiles.names(out).size());
    }

    @Test
    void defectKindsFollowTheDatasetAndTrainCountsTheCap() {
        Map<String, CategorySpec> byName = SynthSpec.paperShaped(256, 0, 0).categories().stream()
                .collect(Collectors.toMap(CategorySpec::name, Function.identity()));
        for (String dataset : BuiltInMappings.NAMES) {
            for (PaperFolder f : BuiltInMappings.paperFolders(dataset)) {
                DefectFolderSpec spec = byName.get(f.category()).defects().stream()
                        .filter(d -> d.folder().equals(f.folder())).findFirst().orElseThrow();
                assertEquals(dataset, spec.kind().folderName(), f.toString());
                assertEquals(f.testImages(), spec.count());
            }
        }
        for (PaperCategory c : BuiltInMappings.paperCategories()) {
            assertEquals(c.trainGoodImages(), byName.get(c.name()).trainGood(), "cap 0 keeps MVTec's count");
        }
        assertEquals(SurfaceStyle.ROUND_OBJECT, byName.get("hazelnut").style());
        assertEquals(SurfaceStyle.ROUND_OBJECT, byName.get("metal_nut").style());
        assertEquals(SurfaceStyle.CABLE, byName.get("cable").style());
        assertTrue(SynthSpec.paperShaped(64, 5, 0).categories().stream().allMatch(c -> c.trainGood() == 5));
    }

    @Test
    void standardDefaults() {
        SynthSpec spec = SynthSpec.standard();
        assertEquals(256, spec.imageSize());
        assertEquals(0, spec.seed());
        assertEquals(5 * (20 + 8 + 3 * 8), spec.imageCount());
    }
}
