package org.crossdefect.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.crossdefect.core.eval.ResultTable;
import org.crossdefect.core.eval.RocCurve;
import org.crossdefect.core.eval.Summary;
import org.crossdefect.core.eval.Summary.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {

    @TempDir
    Path dir;

    static List<ResultTable> tables() {
        List<Result> results = new ArrayList<>();
        double[] bottle = {0.9, 0.8, 1.0};
        for (int seed = 0; seed < 3; seed++) {
            results.add(new Result("hole", "bottle", "PatchCore", seed, bottle[seed]));
            results.add(new Result("hole", "cable", "PatchCore", seed, 0.5 + seed / 10.0));
            results.add(new Result("hole", "bottle", "SEMLP", seed, 1.0 / 3 + seed));
        }
        ResultTable auroc = Summary.table("Image AUROC", results, 3);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("a,b \"quoted\"", 1e-7, null, 12345678.125));
        rows.add(Arrays.asList("x|y", 0.0, "text", -2.5));
        ResultTable odd = new ResultTable("Odd: cells/[names]?", List.of("name", "small", "empty", "big"), rows);
        ResultTable sameTitle = new ResultTable("Image AUROC", List.of("n"), List.of(List.of(1.0)));
        return List.of(auroc, odd, sameTitle);
    }

    @Test
    void xlsxSheetsEqualTheCsvOfTheSameTables() throws IOException {
        List<ResultTable> tables = tables();
        Path xlsx = dir.resolve("summary.xlsx");
        XlsxWorkbook.write(xlsx, tables);
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = new XSSFWorkbook(in)) {
            assertEquals(tables.size(), workbook.getNumberOfSheets());
            assertEquals("Image AUROC", workbook.getSheetName(0));
            assertEquals("Odd_ cells__names__", workbook.getSheetName(1));
            assertEquals("Image AUROC (2)", workbook.getSheetName(2));
            for (int s = 0; s < tables.size(); s++) {
                Path csv = dir.resolve("table" + s + ".csv");
                CsvTables.write(csv, tables.get(s));
                assertSheetEqualsCsv(workbook.getSheetAt(s), csv, tables.get(s));
            }
            Cell header = workbook.getSheetAt(0).getRow(0).getCell(0);
            assertTrue(workbook.getFontAt(header.getCellStyle().getFontIndex()).getBold(), "header is bold");
            assertEquals(CellType.NUMERIC, workbook.getSheetAt(0).getRow(1).getCell(3).getCellType());
            assertEquals(0.9, workbook.getSheetAt(0).getRow(1).getCell(3).getNumericCellValue(), 1e-12);
        }
        assertNoTemporaryFiles();
    }

    private static void assertSheetEqualsCsv(Sheet sheet, Path csv, ResultTable table) throws IOException {
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
            records = parser.getRecords();
        }
        assertEquals(records.size() - 1, sheet.getLastRowNum(), sheet.getSheetName() + ": rows");
        assertEquals(table.rows().size() + 1, records.size());
        for (int r = 0; r < records.size(); r++) {
            CSVRecord record = records.get(r);
            Row row = sheet.getRow(r);
            assertEquals(table.columns().size(), record.size());
            for (int c = 0; c < record.size(); c++) {
                String where = sheet.getSheetName() + " (" + r + ", " + c + ")";
                String text = record.get(c);
                Cell cell = row.getCell(c);
                Object expected = r == 0 ? table.columns().get(c) : table.rows().get(r - 1).get(c);
                if (text.isEmpty()) {
                    assertTrue(cell == null || cell.getCellType() == CellType.BLANK, where);
                } else if (expected instanceof Double) {
                    assertEquals(CellType.NUMERIC, cell.getCellType(), where);
                    assertEquals(Double.parseDouble(text), cell.getNumericCellValue(), where);
                    assertEquals(expected, cell.getNumericCellValue(), where);
                } else {
                    assertEquals(CellType.STRING, cell.getCellType(), where);
                    assertEquals(text, cell.getStringCellValue(), where);
                }
            }
        }
    }

    @Test
    void csvWritesNumbersInFullPrecisionWithoutExponent() throws IOException {
        Path csv = dir.resolve("odd.csv");
        CsvTables.write(csv, tables().get(1));
        assertEquals("name,small,empty,big\n\"a,b \"\"quoted\"\"\",0.0000001,,12345678.125\nx|y,0,text,-2.5\n",
                Files.readString(csv));
    }

    @Test
    void rocPngDecodesAndHasTheRequestedSize() throws IOException {
        Map<String, RocCurve> curves = new LinkedHashMap<>();
        curves.put("PatchCore", RocCurve.of(new double[] {0.1, 0.5, 0.5, 0.9}, new boolean[] {false, false, true, true}));
        float[] many = new float[5000];
        boolean[] labels = new boolean[many.length];
        for (int i = 0; i < many.length; i++) {
            labels[i] = i % 3 == 0;
            many[i] = (float) Math.sin(i) + (labels[i] ? 0.5f : 0);
        }
        curves.put("pixels", RocCurve.of(many, labels));
        Path png = dir.resolve("plots/roc.png");
        RocChart.write(png, curves, "ROC hole / bottle", 500, 400);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "PNG decodes");
        assertEquals(500, image.getWidth());
        assertEquals(400, image.getHeight());
        assertThrows(IllegalArgumentException.class, () -> RocChart.write(png, Map.of(), "none"));
        assertEquals(2000, RocChart.pointsToDraw(5001).length);
        assertEquals(5000, RocChart.pointsToDraw(5001)[1999]);
    }

    @Test
    void markdownReportHasTheTablesAndRelativeImageLinks() throws IOException {
        Path png = dir.resolve("plots/roc.png");
        Files.createDirectories(png.getParent());
        Files.write(png, new byte[] {1});
        Path report = dir.resolve("report.md");
        MarkdownReport.write(report, "CrossDefect benchmark", tables(), List.of(png));
        String md = Files.readString(report);
        assertTrue(md.startsWith("# CrossDefect benchmark\n"), md);
        assertTrue(md.contains("\n## Image AUROC\n"), md);
        assertTrue(md.contains("| dataset | target | PatchCore | PatchCore mean | PatchCore std |"), md);
        assertTrue(md.contains("| hole | bottle | 0.900 \u00b1 0.100 | 0.9 | 0.1 |"), md);
        assertTrue(md.contains("| x\\|y | 0 | text | -2.5 |"), md);
        assertTrue(md.contains("| a,b \"quoted\" | 0 |  | 12345678.125 |"), md);
        assertTrue(md.contains("![roc.png](plots/roc.png)"), md);
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
