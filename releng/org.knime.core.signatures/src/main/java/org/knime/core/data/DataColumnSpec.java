package org.knime.core.data;

/** KNIME 5.4.5 signature (compile-only). Created with {@link DataColumnSpecCreator}. */
public final class DataColumnSpec {

    private DataColumnSpec() {
        throw unsupported();
    }

    public String getName() {
        throw unsupported();
    }

    public java.util.List<String> getElementNames() {
        throw unsupported();
    }

    public DataType getType() {
        throw unsupported();
    }

    public boolean isCompatibleWith(DataColumnSpec cspec) {
        throw unsupported();
    }

    public boolean equalStructure(DataColumnSpec cspec) {
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

    @Override
    public String toString() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
