package org.crossdefect.core.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.crossdefect.core.eval.ResultTable;
import org.crossdefect.core.files.AtomicFiles;

/**
 * Writes a {@link ResultTable} as CSV (RFC 4180, UTF-8, "\n" line ends), atomically: the header
 * is the column names; numbers are written in full precision without exponent (the shortest
 * decimal that reads back as the same double, e.g. {@code 0.9125}, {@code 1}); missing cells are
 * empty.
 */
public final class CsvTables {

    private CsvTables() {
    }

    public static void write(Path file, ResultTable table) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(table.columns().toArray(String[]::new))
                .setRecordSeparator('\n').get();
        AtomicFiles.writeFile(file, tmp -> {
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, format)) {
                for (List<Object> row : table.rows()) {
                    List<String> cells = new ArrayList<>(row.size());
                    for (Object cell : row) {
                        cells.add(text(cell));
                    }
                    printer.printRecord(cells);
                }
            }
        });
    }

    /** A cell as CSV text: numbers in plain full precision, null as "". */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            return number(d);
        }
        return cell.toString();
    }

    /** The shortest decimal that reads back as {@code d}, without exponent ({@code 1.0} as "1"). */
    static String number(double d) {
        if (d == 0) {
            return "0";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
