package org.crossdefect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark end to end on a small synthetic tree. */
class BenchmarkCommandTest {

    @TempDir
    static Path dir;

    static Path root;

    @BeforeAll
    static void tree() throws Exception {
        root = dir.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 4, 3, 4, 9), root, false, Progress.NONE);
    }

    private static String[] args(String store, String out, String... more) {
        List<String> a = new ArrayList<>(List.of("benchmark", "--root", root.toString(), "--dataset",
                root.resolve("hole.csv") + "," + root.resolve("color.csv"), "--targets", "disc,wood", "--store",
                dir.resolve(store).toString(), "--weights-dir", SharedData.root().resolve("backbones").toString(),
                "--device", "cpu", "--out", dir.resolve(out).toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void runFolderTablesAndEmbeddingsComputedOnce() throws Exception {
        CliRunner.Result first = CliRunner.run(args("store", "run1", "--methods", "patchcore"));
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().matches("(?s).*hole\\s+disc\\s+\\d\\.\\d{3} ± 0\\.000.*"), first.out());
        assertTrue(first.out().contains("4 runs (2 datasets, 1 methods, 1 seed)"), first.out());
        Path run = dir.resolve("run1");
        for (String file : List.of("predictions.csv", "image-auroc.csv", "pixel-auroc.csv", "summary.xlsx", "report.md",
                "manifest.properties", "roc/hole.png")) {
            assertTrue(Files.isRegularFile(run.resolve(file)), file);
        }
        assertTrue(Files.readString(run.resolve("manifest.properties")).contains("methods=patchcore"));
        xlsxEqualsCsv(run.resolve("summary.xlsx"), "Image AUROC", run.resolve("image-auroc.csv"));

        // Another method on the same images: every embedding comes from the store.
        CliRunner.Result second = CliRunner.run(args("store", "run2", "--methods", "semlp,labeled-patchcore"));
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("backbone_forward_images=0"), second.out());
        assertTrue(Files.readString(dir.resolve("run2/manifest.properties")).contains("backbone.forward.images=0"));

        CliRunner.Result exists = CliRunner.run(args("other-store", "run1", "--methods", "patchcore"));
        assertEquals(1, exists.exitCode());
        assertTrue(exists.err().contains("--overwrite"), exists.err());
        assertFalse(Files.exists(dir.resolve("other-store")), "refused before any work");
    }

    @Test
    void badInputIsRefusedBeforeWork() throws Exception {
        Path mapping = dir.resolve("broken.csv");
        Files.writeString(mapping, "category,folder\ndisc,hole\nmarble,hole\n");
        CliRunner.Result missing = CliRunner.run("benchmark", "--root", root.toString(), "--dataset", mapping.toString(),
                "--store", dir.resolve("s2").toString(), "--out", dir.resolve("r2").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("'marble'") && missing.err().contains(root.resolve("marble").toString()),
                missing.err());
        CliRunner.Result target = CliRunner.run(args("s3", "r3", "--targets", "pill"));
        assertEquals(2, target.exitCode(), "a bad option value is wrong usage");
        assertTrue(target.err().contains("target 'pill' is not a domain"), target.err());
        CliRunner.Result method = CliRunner.run(args("s4", "r4", "--methods", "magic"));
        assertEquals(2, method.exitCode(), "a bad option value is wrong usage");
        assertTrue(method.err().contains("unknown method 'magic'"), method.err());
        for (String folder : List.of("s2", "r2", "s3", "r3", "s4", "r4")) {
            assertFalse(Files.exists(dir.resolve(folder)), folder + " must not be written");
        }
    }

    /** The XLSX sheet holds the CSV's cells: numbers as numeric cells, text as text. */
    static void xlsxEqualsCsv(Path xlsx, String sheetName, Path csv) throws Exception {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(csv, java.nio.charset.StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            records = parser.getRecords();
        }
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(sheetName);
            assertEquals(records.size() - 1, sheet.getLastRowNum());
            for (int r = 0; r < records.size(); r++) {
                Row row = sheet.getRow(r);
                for (int c = 0; c < records.get(r).size(); c++) {
                    String expected = records.get(r).get(c);
                    Cell cell = row.getCell(c);
                    if (expected.isEmpty()) {
                        assertTrue(cell == null || cell.getCellType() == CellType.BLANK);
                    } else if (r > 0 && expected.matches("-?[0-9.]+(E-?[0-9]+)?")) {
                        assertEquals(CellType.NUMERIC, cell.getCellType(), expected);
                        assertEquals(Double.parseDouble(expected), cell.getNumericCellValue(), 1e-12);
                    } else {
                        assertEquals(expected, cell.getStringCellValue());
                    }
                }
            }
        }
    }
}
