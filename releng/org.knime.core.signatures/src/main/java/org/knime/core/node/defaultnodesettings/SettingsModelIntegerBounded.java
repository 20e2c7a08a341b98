package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/** KNIME 5.4.5 signature (compile-only). */
public class SettingsModelIntegerBounded extends SettingsModelInteger {

    public SettingsModelIntegerBounded(String configName, int defaultValue, int minValue, int maxValue) {
        super(configName, defaultValue);
        throw unsupported();
    }

    @Override
    protected SettingsModelIntegerBounded createClone() {
        throw unsupported();
    }

    public int getLowerBound() {
        throw unsupported();
    }

    public int getUpperBound() {
        throw unsupported();
    }

    @Override
    protected void validateValue(int value) throws InvalidSettingsException {
        throw unsupported();
    }

    @Override
    public void setIntValue(int newValue) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
