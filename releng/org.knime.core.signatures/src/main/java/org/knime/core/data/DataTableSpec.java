package org.knime.core.data;

import java.util.Iterator;
import java.util.stream.Stream;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

/** KNIME 5.4.5 signature (compile-only). */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    public static final String[] CLASS_COLUMN_NAMES = null;

    public int[] columnsToIndices(String... columns) {
        throw unsupported();
    }

    public static final DataColumnSpec[] createColumnSpecs(String[] names, DataType[] types) {
        throw unsupported();
    }

    public void verifyIndices(int... indices) {
        throw unsupported();
    }

    public DataTableSpec() {
        throw unsupported();
    }

    public DataTableSpec(DataColumnSpec... colSpecs) {
        throw unsupported();
    }

    public DataTableSpec(DataTableSpec spec1, DataTableSpec spec2) {
        throw unsupported();
    }

    public DataTableSpec(String name) {
        throw unsupported();
    }

    public DataTableSpec(String name, DataColumnSpec... colSpecs) {
        throw unsupported();
    }

    public DataTableSpec(String name, DataTableSpec spec1, DataTableSpec spec2) {
        throw unsupported();
    }

    public DataTableSpec(String name, String[] names, DataType[] types) {
        throw unsupported();
    }

    public DataTableSpec(String[] names, DataType[] types) {
        throw unsupported();
    }

    public boolean containsName(String columnName) {
        throw unsupported();
    }

    public boolean isCompatibleWith(DataTableSpec spec) {
        throw unsupported();
    }

    public boolean equalStructure(DataTableSpec spec) {
        throw unsupported();
    }

    @Override
    public boolean equals(Object obj) {
        throw unsupported();
    }

    public java.util.Map<String, String> getProperties() {
        throw unsupported();
    }

    public int findColumnIndex(String columnName) {
        throw unsupported();
    }

    public final String[] getColumnNames() {
        throw unsupported();
    }

    public DataColumnSpec getColumnSpec(int index) {
        throw unsupported();
    }

    public DataColumnSpec getColumnSpec(String column) {
        throw unsupported();
    }

    public String getName() {
        throw unsupported();
    }

    public int getNumColumns() {
        throw unsupported();
    }

    @Override
    public int hashCode() {
        throw unsupported();
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        throw unsupported();
    }

    public Stream<DataColumnSpec> stream() {
        throw unsupported();
    }

    public static DataTableSpec mergeDataTableSpecs(DataTableSpec... specs) {
        throw unsupported();
    }

    public static String getUniqueColumnName(DataTableSpec spec, String columnName) {
        throw unsupported();
    }

    @Override
    public String toString() {
        throw unsupported();
    }

    @Override
    public JComponent[] getViews() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
