package org.knime.core.data.container;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;

/**
 * KNIME 5.4.5 signature (compile-only). Supertypes RowAppender, RowFlushable and getTable()
 * (returns DataTable) left off: not in the reference.
 */
public class DataContainer {

    public DataContainer(DataTableSpec spec) {
        throw unsupported();
    }

    public DataContainer(DataTableSpec spec, boolean initDomain) {
        throw unsupported();
    }

    public DataContainer(DataTableSpec spec, boolean initDomain, int maxCellsInMemory) {
        throw unsupported();
    }

    public void dispose() {
        throw unsupported();
    }

    public void addRowToTable(DataRow row) {
        throw unsupported();
    }

    public void flushRows() {
        throw unsupported();
    }

    public void close() {
        throw unsupported();
    }

    public boolean isClosed() {
        throw unsupported();
    }

    public boolean isOpen() {
        throw unsupported();
    }

    public long size() {
        throw unsupported();
    }

    public void setMaxPossibleValues(int maxPossibleValues) {
        throw unsupported();
    }

    public DataTableSpec getTableSpec() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
