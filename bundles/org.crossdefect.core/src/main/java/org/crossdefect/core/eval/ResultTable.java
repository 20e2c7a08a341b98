package org.crossdefect.core.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A small table of results, the unit the writers in {@code org.crossdefect.core.report} put out
 * (one CSV file, one XLSX sheet, one Markdown table). Cells are {@link String}, {@link Double}
 * (numbers; other {@link Number}s are converted, so numbers stay numbers in XLSX) or null (empty).
 *
 * @param title the table's name (sheet name, Markdown heading)
 * @param columns the header
 * @param rows each as long as the header
 */
public record ResultTable(String title, List<String> columns, List<List<Object>> rows) {

    public ResultTable {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table '" + title + "': row " + r + " has " + row.size()
                        + " cells for " + columns.size() + " columns");
            }
            List<Object> cells = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                cells.add(cell(row.get(c), title, r, c));
            }
            copy.add(Collections.unmodifiableList(cells));
        }
        rows = Collections.unmodifiableList(copy);
    }

    private static Object cell(Object value, String title, int r, int c) {
        if (value == null || value instanceof String) {
            return value;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("table '" + title + "': cell (" + r + ", " + c + ") is " + d
                        + "; use null for a missing value");
            }
            return d;
        }
        throw new IllegalArgumentException("table '" + title + "': cell (" + r + ", " + c + ") is a "
                + value.getClass().getName() + "; cells are strings, numbers or null");
    }

    /** @return the cell in row {@code row} under the column named {@code column} */
    public Object get(int row, String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("table '" + title + "' has no column '" + column + "'");
        }
        return rows.get(row).get(c);
    }

    /** @return this table with only the named columns, in the given order (e.g. without numeric duplicates) */
    public ResultTable select(List<String> names) {
        int[] index = new int[names.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = columns.indexOf(names.get(i));
            if (index[i] < 0) {
                throw new IllegalArgumentException("table '" + title + "' has no column '" + names.get(i) + "'");
            }
        }
        List<List<Object>> selected = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> cells = new ArrayList<>(index.length);
            for (int i : index) {
                cells.add(row.get(i));
            }
            selected.add(cells);
        }
        return new ResultTable(title, names, selected);
    }
}
