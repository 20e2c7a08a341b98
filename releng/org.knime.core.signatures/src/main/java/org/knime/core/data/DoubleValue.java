package org.knime.core.data;

/** KNIME 5.4.5 signature (compile-only). Supertype DataValue and field UTILITY left off: not in the reference. */
public interface DoubleValue {

    double getDoubleValue();
}
