package org.knime.core.data;

/** KNIME 5.4.5 signature (compile-only). */
public final class DataColumnSpecCreator {

    public DataColumnSpecCreator(String name, DataType type) {
        throw unsupported();
    }

    public DataColumnSpecCreator(DataColumnSpec cspec) {
        throw unsupported();
    }

    public void merge(DataColumnSpec cspec2) {
        throw unsupported();
    }

    public void setName(String name) {
        throw unsupported();
    }

    public void setElementNames(String[] elNames) {
        throw unsupported();
    }

    public void setType(DataType type) {
        throw unsupported();
    }

    public DataType getType() {
        throw unsupported();
    }

    public void removeAllHandlers() {
        throw unsupported();
    }

    public DataColumnSpec createSpec() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
