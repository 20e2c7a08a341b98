package org.crossdefect.core.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.eval.ResultTable;
import org.crossdefect.core.files.AtomicFiles;

/**
 * Writes a Markdown report, atomically: a {@code #} title, each table under a {@code ##}
 * heading as a pipe table (numbers rounded to {@value #DECIMALS} decimals, missing cells empty,
 * {@code |} escaped), then each image as {@code ![name](path)} with the path relative to the
 * report's folder (forward slashes), so the run folder can be moved as a whole.
 */
public final class MarkdownReport {

    static final int DECIMALS = 4;

    private MarkdownReport() {
    }

    public static void write(Path file, String title, List<ResultTable> tables, List<Path> images)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(title)).append("\n");
        for (ResultTable table : tables) {
            md.append("\n## ").append(inline(table.title())).append("\n\n");
            appendTable(md, table);
        }
        Path folder = file.toAbsolutePath().getParent();
        if (!images.isEmpty()) {
            md.append("\n## Figures\n");
        }
        for (Path image : images) {
            String relative = folder.relativize(image.toAbsolutePath()).toString().replace('\\', '/');
            String name = image.getFileName().toString();
            md.append("\n![").append(inline(name)).append("](").append(relative.replace(" ", "%20")).append(")\n");
        }
        AtomicFiles.writeFile(file, tmp -> Files.writeString(tmp, md, StandardCharsets.UTF_8));
    }

    /** Appends {@code table} as a Markdown pipe table (header, separator, rows). */
    static void appendTable(StringBuilder md, ResultTable table) {
        md.append('|');
        for (String column : table.columns()) {
            md.append(' ').append(inline(column)).append(" |");
        }
        md.append("\n|");
        for (int c = 0; c < table.columns().size(); c++) {
            md.append(" --- |");
        }
        md.append('\n');
        for (List<Object> row : table.rows()) {
            md.append('|');
            for (Object cell : row) {
                md.append(' ').append(cell(cell)).append(" |");
            }
            md.append('\n');
        }
    }

    static String cell(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            BigDecimal rounded = BigDecimal.valueOf(d).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
            return rounded.signum() == 0 ? "0" : rounded.toPlainString();
        }
        return inline(cell.toString());
    }

    private static String inline(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
