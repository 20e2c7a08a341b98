package org.knime.core.data.def;

import java.util.Iterator;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/** KNIME 5.4.5 signature (compile-only). */
public class DefaultRow implements DataRow {

    public DefaultRow(RowKey rowKey, DataCell... row) {
        throw unsupported();
    }

    public DefaultRow(String rowId, DataCell... row) {
        throw unsupported();
    }

    public DefaultRow(String rowId, List<DataCell> row) {
        throw unsupported();
    }

    public DefaultRow(RowKey rowKey, List<DataCell> row) {
        throw unsupported();
    }

    public DefaultRow(RowKey rowKey, double... row) {
        throw unsupported();
    }

    public DefaultRow(String rowId, double... row) {
        throw unsupported();
    }

    public DefaultRow(String rowId, int... row) {
        throw unsupported();
    }

    public DefaultRow(RowKey rowKey, int... row) {
        throw unsupported();
    }

    public DefaultRow(String rowId, String... row) {
        throw unsupported();
    }

    public DefaultRow(RowKey rowKey, String... row) {
        throw unsupported();
    }

    public DefaultRow(String rowId, DataRow row) {
        throw unsupported();
    }

    public DefaultRow(RowKey rowKey, DataRow row) {
        throw unsupported();
    }

    @Override
    public final int getNumCells() {
        throw unsupported();
    }

    @Override
    public final RowKey getKey() {
        throw unsupported();
    }

    @Override
    public final DataCell getCell(int index) {
        throw unsupported();
    }

    @Override
    public Iterator<DataCell> iterator() {
        throw unsupported();
    }

    @Override
    public String toString() {
        throw unsupported();
    }

    @Override
    public boolean equals(Object obj) {
        throw unsupported();
    }

    @Override
    public int hashCode() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
