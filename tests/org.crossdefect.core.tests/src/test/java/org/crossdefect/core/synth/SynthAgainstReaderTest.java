package org.crossdefect.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.crossdefect.core.data.BuiltInMappings;
import org.crossdefect.core.data.DatasetMapping;
import org.crossdefect.core.data.DatasetMappings;
import org.crossdefect.core.data.DomainSplit;
import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.data.MvtecTree;
import org.crossdefect.core.data.SourceSplit;
import org.crossdefect.core.data.TreeValidator;
import org.crossdefect.core.data.ValidationReport;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The generator's trees go through the reader, the validator and the built-in datasets. */
class SynthAgainstReaderTest {

    @TempDir
    Path dir;

    @Test
    void standardTreePassesValidationAndItsMappingFilesWork() throws Exception {
        Path root = dir.resolve("standard");
        SynthSpec spec = SynthSpec.standard(48, 3, 2, 2, 5);
        SyntheticMvtecGenerator.generate(spec, root, false, Progress.NONE);

        MvtecTree tree = MvtecTree.open(root);
        ValidationReport report = new TreeValidator(2).validateTree(tree, Progress.NONE);
        assertTrue(report.isValid(), report::format);
        assertEquals(5, tree.categories().size());

        for (DatasetMapping expected : spec.datasetMappings()) {
            DatasetMapping read = DatasetMappings.resolve(root.resolve(expected.name() + ".csv").toString());
            assertEquals(expected, read);
            assertTrue(new TreeValidator(2).validateDataset(tree, read, Progress.NONE).isValid());
            DomainSplit split = DomainSplitter.split(read.name(), tree.datasetImages(read), "disc", 0, 0.5);
            assertEquals(2 + 2, split.test().size());
            assertEquals(4 * 3 + 4 * 1, split.train().size(), "4 sources x (3 good + floor(2 * 0.5) defects)");
        }
    }

    /** The paper-shaped tree and the built-in mappings reproduce paper-datasets.json's counts. */
    @Test
    void paperShapedTreeReproducesPaperCounts() throws Exception {
        Path root = dir.resolve("paper");
        SynthSpec spec = SynthSpec.paperShaped(32, 1, 0);
        SyntheticMvtecGenerator.generate(spec, root, false, Progress.NONE);
        MvtecTree tree = MvtecTree.open(root);
        assertTrue(new TreeValidator(2).validateTree(tree, Progress.NONE).isValid());

        JsonObject paper = JsonParser.parseString(Files.readString(SharedData.reference("paper-datasets.json")))
                .getAsJsonObject();
        JsonObject categories = paper.getAsJsonObject("categories");
        for (String name : BuiltInMappings.NAMES) {
            DatasetMapping mapping = BuiltInMappings.get(name);
            assertEquals(mapping, spec.datasetMappings().stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(), "the paper-shaped tree's own mapping file equals the built-in");
            var images = tree.datasetImages(mapping);
            for (JsonElement e : paper.getAsJsonObject("datasets").getAsJsonArray(name)) {
                JsonObject folder = e.getAsJsonObject();
                String category = folder.get("category").getAsString();
                long count = images.stream().filter(r -> r.category().equals(category)
                        && r.folder().equals(folder.get("folder").getAsString())).count();
                assertEquals(folder.get("test_images").getAsInt(), count, name + " " + folder);
            }
            for (String category : mapping.categories()) {
                long testGood = images.stream().filter(r -> r.category().equals(category)
                        && r.split() == SourceSplit.TEST && r.label() == Label.GOOD).count();
                assertEquals(categories.getAsJsonObject(category).get("test_good_images").getAsInt(), testGood,
                        name + " " + category);
            }
            long defects = images.stream().filter(r -> r.label() == Label.ANOMALOUS).count();
            long expectedDefects = BuiltInMappings.paperFolders(name).stream().mapToInt(f -> f.testImages()).sum();
            assertEquals(expectedDefects, defects, name);
            assertTrue(images.stream().filter(r -> r.label() == Label.ANOMALOUS)
                    .allMatch(r -> r.defectType().equals(name) && r.mask() != null));
        }
        Map<String, Integer> cableTest = tree.folderCounts("cable", SourceSplit.TEST);
        assertEquals(Map.of("good", 58, "poke_insulation", 10, "cut_inner_insulation", 14, "cut_outer_insulation", 10),
                cableTest);
        assertEquals(ImageRecord.GOOD, tree.images("cable").get(0).folder());
    }
}
