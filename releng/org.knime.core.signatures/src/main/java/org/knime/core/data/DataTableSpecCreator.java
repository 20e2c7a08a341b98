package org.knime.core.data;

/** KNIME 5.4.5 signature (compile-only). */
public final class DataTableSpecCreator {

    public DataTableSpecCreator() {
        throw unsupported();
    }

    public DataTableSpecCreator(DataTableSpec spec) {
        throw unsupported();
    }

    public DataTableSpecCreator replaceColumn(int index, DataColumnSpec colSpec) {
        throw unsupported();
    }

    public DataTableSpecCreator addColumns(DataColumnSpec... colSpecs) {
        throw unsupported();
    }

    public DataTableSpecCreator addColumns(DataTableSpec spec) {
        throw unsupported();
    }

    public DataTableSpecCreator setName(String name) {
        throw unsupported();
    }

    public DataTableSpecCreator putProperties(java.util.Map<String, String> properties) {
        throw unsupported();
    }

    public DataTableSpecCreator putProperty(String key, String value) {
        throw unsupported();
    }

    public DataTableSpecCreator dropAllDomains() {
        throw unsupported();
    }

    public DataTableSpecCreator dropAllColumns() {
        throw unsupported();
    }

    public DataTableSpec createSpec() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
