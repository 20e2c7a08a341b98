package org.crossdefect.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.testing.SharedData;
import org.crossdefect.core.testing.TinyTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class DatasetMappingsTest {

    @TempDir
    Path dir;

    /** The built-ins equal the paper's Table 1 as listed in the authors' configuration. */
    @Test
    void builtInsMatchPaperDatasetsJson() throws Exception {
        JsonObject paper = JsonParser.parseString(Files.readString(SharedData.reference("paper-datasets.json")))
                .getAsJsonObject();
        JsonObject datasets = paper.getAsJsonObject("datasets");
        assertEquals(datasets.keySet(), new java.util.HashSet<>(BuiltInMappings.NAMES));
        for (String name : BuiltInMappings.NAMES) {
            List<String> expected = new ArrayList<>();
            for (JsonElement e : datasets.getAsJsonArray(name)) {
                JsonObject o = e.getAsJsonObject();
                expected.add(o.get("category").getAsString() + "/" + o.get("folder").getAsString() + "="
                        + o.get("test_images").getAsInt());
            }
            List<String> ours = BuiltInMappings.paperFolders(name).stream()
                    .map(f -> f.category() + "/" + f.folder() + "=" + f.testImages()).toList();
            assertEquals(expected, ours, name);
            DatasetMapping mapping = BuiltInMappings.get(name);
            assertEquals(expected.size(), mapping.entries().size());
            assertTrue(mapping.entries().stream().allMatch(e -> e.defectType().equals(name)));
        }
        JsonObject categories = paper.getAsJsonObject("categories");
        assertEquals(categories.size(), BuiltInMappings.paperCategories().size());
        for (BuiltInMappings.PaperCategory c : BuiltInMappings.paperCategories()) {
            JsonObject o = categories.getAsJsonObject(c.name());
            assertEquals(o.get("train_good_images").getAsInt(), c.trainGoodImages(), c.name());
            assertEquals(o.get("test_good_images").getAsInt(), c.testGoodImages(), c.name());
        }
        assertEquals(List.of("cable", "carpet", "hazelnut", "leather", "tile"), BuiltInMappings.get("cut").categories());
    }

    @Test
    void readsMappingFileWithOptionalDefectTypes() throws Exception {
        Path file = dir.resolve("my-defects.csv");
        Files.writeString(file, """
                # defects we care about
                category,folder,defect_type
                cable,poke_insulation,hole
                tile,crack,
                """);
        DatasetMapping mapping = DatasetMappings.resolve(file.toString());
        assertEquals("my-defects", mapping.name());
        assertEquals(List.of(new MappingEntry("cable", "poke_insulation", "hole"),
                new MappingEntry("tile", "crack", "my-defects")), mapping.entries());
        assertEquals(List.of("hole", "my-defects"), mapping.defectTypes());
    }

    @Test
    void aMappingFileWithAByteOrderMarkIsRead() throws Exception {
        // "CSV UTF-8" as spreadsheet programs save it: EF BB BF before the header.
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFcategory,folder,defect_type\ncarpet,hole,hole\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        DatasetMapping mapping = DatasetMappings.read(file);
        assertEquals(List.of("carpet"), mapping.categories());
    }

    @Test
    void builtInNamesResolveCaseInsensitively() throws Exception {
        assertEquals(BuiltInMappings.get("hole"), DatasetMappings.resolve("HOLE"));
    }

    @Test
    void badMappingFilesGiveErrorsNamingFileAndLine() throws Exception {
        Path noHeader = dir.resolve("a.csv");
        Files.writeString(noHeader, "cable,hole\n");
        assertMessage(noHeader, "header");
        Path good = dir.resolve("b.csv");
        Files.writeString(good, "category,folder\ncable,good\n");
        assertMessage(good, "line 2");
        Path empty = dir.resolve("c.csv");
        Files.writeString(empty, "category,folder\n");
        assertMessage(empty, "names no defect folder");
        Path twice = dir.resolve("d.csv");
        Files.writeString(twice, "category,folder\ncable,hole\ncable,hole\n");
        assertMessage(twice, "twice");
        MappingFileException missing = assertThrows(MappingFileException.class,
                () -> DatasetMappings.resolve("nonexistent.csv"));
        assertTrue(missing.getMessage().contains("nonexistent.csv") && missing.getMessage().contains("hole"));
    }

    @Test
    void mappingNamingAbsentCategoryOrFolderIsReportedWithPaths() throws Exception {
        new TinyTree(dir.resolve("root")).category("carpet", 2, 1, "hole");
        MvtecTree tree = MvtecTree.open(dir.resolve("root"));
        DatasetMapping mapping = new DatasetMapping("x", List.of(new MappingEntry("carpet", "hole", "hole"),
                new MappingEntry("carpet", "poke", "hole"), new MappingEntry("wood", "hole", "hole")));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> tree.datasetImages(mapping));
        assertEquals(2, e.report().problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("root/wood").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("root/carpet/test/poke").toString()), e.getMessage());
    }

    private static void assertMessage(Path file, String expected) {
        MappingFileException e = assertThrows(MappingFileException.class, () -> DatasetMappings.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

}
