package org.crossdefect.core.nodes;

/** The cell types of the nodes' tables; the KNIME bundle maps each to one KNIME cell type. */
public enum ColumnType {
    /** Text ({@code String}). */
    STRING(String.class),
    /** A whole number ({@code Integer}). */
    INT(Integer.class),
    /** A number ({@code Double}). */
    DOUBLE(Double.class),
    /** A PNG image ({@code byte[]} of a PNG file). */
    PNG(byte[].class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** @return whether a cell value fits this type (null is a missing cell and fits every type) */
    public boolean accepts(Object value) {
        return value == null || javaType.isInstance(value);
    }
}
