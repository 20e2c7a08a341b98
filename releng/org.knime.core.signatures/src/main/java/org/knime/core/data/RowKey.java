package org.knime.core.data;

/** KNIME 5.4.5 signature (compile-only). Supertype RowKeyValue left off: not in the reference. */
public final class RowKey {

    public RowKey(String key) {
        throw unsupported();
    }

    public String getString() {
        throw unsupported();
    }

    public RowKey materializeRowKey() {
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

    public static String[] toStrings(RowKey... keys) {
        throw unsupported();
    }

    public static RowKey[] toRowKeys(String... strings) {
        throw unsupported();
    }

    public static RowKey createRowKey(int rowId) {
        throw unsupported();
    }

    public static RowKey createRowKey(long rowId) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
