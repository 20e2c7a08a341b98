package org.crossdefect.core.nodes;

import java.util.ArrayList;
import java.util.List;

/**
 * A node's output (or input) table on the engine side: columns and rows of cells (null is a
 * missing cell). The KNIME bundle turns it into a {@code BufferedDataTable} cell by cell, and
 * back.
 */
public record Table(List<Column> columns, List<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + r + " has " + row.size() + " cells for " + columns.size()
                        + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                if (!columns.get(c).type().accepts(row.get(c))) {
                    throw new IllegalArgumentException("row " + r + ", column " + columns.get(c).name() + ": "
                            + row.get(c).getClass().getSimpleName() + " is not " + columns.get(c).type());
                }
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = java.util.Collections.unmodifiableList(copy);
    }

    /** @return the index of a column, or -1 */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** @return a cell by row and column name (null when missing) */
    public Object cell(int row, String column) {
        int c = indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + column + "' among " + names());
        }
        return rows.get(row).get(c);
    }
}
