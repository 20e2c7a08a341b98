package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;

/** KNIME 5.4.5 signature (compile-only). Supertype NominalValue left off: not in the reference. */
public final class StringCell extends DataCell implements StringValue {

    public static final DataType TYPE = null;

    public StringCell(String value) {
        throw unsupported();
    }

    @Override
    public String getStringValue() {
        throw unsupported();
    }

    @Override
    protected boolean equalsDataCell(DataCell dc) {
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
