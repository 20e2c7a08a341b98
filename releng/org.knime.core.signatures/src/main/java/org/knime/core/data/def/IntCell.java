package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;

/** KNIME 5.4.5 signature (compile-only). Supertypes LongValue, ComplexNumberValue, FuzzyNumberValue, FuzzyIntervalValue, BoundedValue left off: not in the reference. */
public class IntCell extends DataCell implements IntValue, DoubleValue {

    public static final DataType TYPE = null;

    public IntCell(int value) {
        throw unsupported();
    }

    @Override
    public int getIntValue() {
        throw unsupported();
    }

    public long getLongValue() {
        throw unsupported();
    }

    @Override
    public double getDoubleValue() {
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
