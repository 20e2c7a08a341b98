package org.knime.core.data;

/** KNIME 5.4.5 signature (compile-only). */
public final class DataType {

    private DataType() {
        throw unsupported();
    }

    public static DataType getCommonSuperType(DataType type1, DataType type2) {
        throw unsupported();
    }

    public static DataCell getMissingCell() {
        throw unsupported();
    }

    public static DataType getType(Class<? extends DataCell> cell) {
        throw unsupported();
    }

    public static DataType getType(Class<? extends DataCell> cell, DataType collectionElementType) {
        throw unsupported();
    }

    public boolean isMissingValueType() {
        throw unsupported();
    }

    public DataType getCollectionElementType() {
        throw unsupported();
    }

    public boolean isCollectionType() {
        throw unsupported();
    }

    @Override
    public boolean equals(Object other) {
        throw unsupported();
    }

    @Override
    public int hashCode() {
        throw unsupported();
    }

    public boolean isASuperTypeOf(DataType type) {
        throw unsupported();
    }

    public Class<? extends DataCell> getCellClass() {
        throw unsupported();
    }

    public String getName() {
        throw unsupported();
    }

    @Override
    public String toString() {
        throw unsupported();
    }

    public String toPrettyString() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
