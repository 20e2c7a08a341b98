package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/** KNIME 5.4.5 signature (compile-only). */
public class SettingsModelDoubleBounded extends SettingsModelDouble {

    public SettingsModelDoubleBounded(String configName, double defaultValue, double minValue, double maxValue) {
        super(configName, defaultValue);
        throw unsupported();
    }

    @Override
    protected SettingsModelDoubleBounded createClone() {
        throw unsupported();
    }

    public double getLowerBound() {
        throw unsupported();
    }

    public double getUpperBound() {
        throw unsupported();
    }

    @Override
    protected void validateValue(double value) throws InvalidSettingsException {
        throw unsupported();
    }

    @Override
    public void setDoubleValue(double newValue) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
