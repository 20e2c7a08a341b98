package org.crossdefect.knime.nodes;

import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.nodes.Column;
import org.crossdefect.core.nodes.ColumnType;
import org.crossdefect.core.nodes.Table;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;

/** Engine tables to KNIME tables and back, cell by cell. */
final class Tables {

    private Tables() {
    }

    static DataType type(ColumnType type) {
        return switch (type) {
            case STRING -> StringCell.TYPE;
            case INT -> IntCell.TYPE;
            case DOUBLE -> DoubleCell.TYPE;
            case PNG -> PNGImageContent.TYPE;
        };
    }

    static DataTableSpec spec(List<Column> columns) {
        DataColumnSpec[] specs = new DataColumnSpec[columns.size()];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = new DataColumnSpecCreator(columns.get(i).name(), type(columns.get(i).type())).createSpec();
        }
        return new DataTableSpec(specs);
    }

    static BufferedDataTable table(Table table, ExecutionContext exec) throws CanceledExecutionException {
        BufferedDataContainer out = exec.createDataContainer(spec(table.columns()));
        long r = 0;
        for (List<Object> row : table.rows()) {
            exec.checkCanceled();
            DataCell[] cells = new DataCell[row.size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cell(row.get(c), table.columns().get(c).type());
            }
            out.addRowToTable(new DefaultRow(RowKey.createRowKey(r++), cells));
        }
        out.close();
        return out.getTable();
    }

    private static DataCell cell(Object value, ColumnType type) {
        if (value == null) {
            return DataType.getMissingCell();
        }
        return switch (type) {
            case STRING -> new StringCell((String) value);
            case INT -> new IntCell((Integer) value);
            case DOUBLE -> new DoubleCell((Double) value);
            case PNG -> new PNGImageContent((byte[]) value).toImageCell();
        };
    }

    /**
     * Reads the given columns of a KNIME table (others are ignored), by name.
     *
     * @throws InvalidSettingsException if a column is absent, naming the node that makes it
     */
    static Table read(BufferedDataTable in, List<Column> columns, String producer) throws InvalidSettingsException {
        DataTableSpec spec = in.getDataTableSpec();
        requireColumns(spec, columns, producer);
        int[] index = new int[columns.size()];
        for (int c = 0; c < index.length; c++) {
            index[c] = spec.findColumnIndex(columns.get(c).name());
        }
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableRowIterator it = in.iterator()) {
            while (it.hasNext()) {
                DataRow row = it.next();
                List<Object> cells = new ArrayList<>(index.length);
                for (int c = 0; c < index.length; c++) {
                    cells.add(value(row.getCell(index[c]), columns.get(c).type()));
                }
                rows.add(cells);
            }
        }
        return new Table(columns, rows);
    }

    static void requireColumns(DataTableSpec spec, List<Column> columns, String producer)
            throws InvalidSettingsException {
        for (Column column : columns) {
            if (spec.findColumnIndex(column.name()) < 0) {
                throw new InvalidSettingsException("the input table has no column '" + column.name() + "'; connect "
                        + "the output of the " + producer);
            }
        }
    }

    private static Object value(DataCell cell, ColumnType type) {
        if (cell.isMissing()) {
            return null;
        }
        return switch (type) {
            case STRING -> ((StringValue) cell).getStringValue();
            case INT -> ((IntValue) cell).getIntValue();
            case DOUBLE -> ((DoubleValue) cell).getDoubleValue();
            case PNG -> throw new IllegalArgumentException("PNG cells are not read back");
        };
    }
}
