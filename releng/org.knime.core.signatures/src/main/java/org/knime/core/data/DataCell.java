package org.knime.core.data;

/** KNIME 5.4.5 signature (compile-only). Supertype DataValue left off: not in the reference. */
public abstract class DataCell implements java.io.Serializable {

    public DataCell() {
        throw unsupported();
    }

    public DataCell materializeDataCell() {
        throw unsupported();
    }

    public final DataType getType() {
        throw unsupported();
    }

    public boolean isMissing() {
        throw unsupported();
    }

    @Override
    public abstract String toString();

    @Override
    public final boolean equals(Object o) {
        throw unsupported();
    }

    protected abstract boolean equalsDataCell(DataCell dc);

    @Override
    public abstract int hashCode();

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
