package org.crossdefect.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.crossdefect.core.eval.ResultTable;
import org.crossdefect.core.files.AtomicFiles;

/**
 * Writes tables into one XLSX workbook (Apache POI), atomically: one sheet per table, named
 * after its title (made valid: at most 31 characters, each of {@code []*?/\:} replaced by
 * {@code _}; made unique with a number). Row 1 is the header in bold and frozen; then one row per table row: {@link Double}
 * cells are NUMERIC cells, strings are STRING cells, null cells are left blank. So each sheet
 * holds exactly the CSV of {@link CsvTables} for the same table.
 */
public final class XlsxWorkbook {

    private XlsxWorkbook() {
    }

    public static void write(Path file, List<ResultTable> tables) throws IOException {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one table");
        }
        AtomicFiles.writeFile(file, tmp -> {
            try (Workbook workbook = new XSSFWorkbook()) {
                Font bold = workbook.createFont();
                bold.setBold(true);
                CellStyle header = workbook.createCellStyle();
                header.setFont(bold);
                Set<String> names = new HashSet<>();
                for (ResultTable table : tables) {
                    fill(workbook.createSheet(sheetName(table.title(), names)), table, header);
                }
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    workbook.write(out);
                }
            }
        });
    }

    private static void fill(Sheet sheet, ResultTable table, CellStyle headerStyle) {
        int[] widths = new int[table.columns().size()];
        Row header = sheet.createRow(0);
        for (int c = 0; c < widths.length; c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(table.columns().get(c));
            cell.setCellStyle(headerStyle);
            widths[c] = table.columns().get(c).length();
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> cells = table.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (value instanceof Double d) {
                    cell.setCellValue(d);
                    widths[c] = Math.max(widths[c], Math.min(12, CsvTables.number(d).length()));
                } else {
                    cell.setCellValue(value.toString());
                    widths[c] = Math.max(widths[c], value.toString().length());
                }
            }
        }
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < widths.length; c++) {
            // Width in 1/256 of a character; autoSizeColumn would need font metrics (AWT).
            sheet.setColumnWidth(c, Math.min(255, widths[c] + 2) * 256);
        }
    }

    /** A valid sheet name for the title, different from the names already used (case-insensitive). */
    static String sheetName(String title, Set<String> used) {
        String safe = title.replaceAll("[\\\\/?*\\[\\]:\\p{Cntrl}]", "_").strip();
        safe = safe.replaceAll("^'+|'+$", "");
        if (safe.isEmpty()) {
            safe = "Sheet";
        }
        String base = safe.substring(0, Math.min(safe.length(), 31)).strip();
        WorkbookUtil.validateSheetName(base);
        String name = base;
        for (int i = 2; used.contains(name.toLowerCase(Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }
}
