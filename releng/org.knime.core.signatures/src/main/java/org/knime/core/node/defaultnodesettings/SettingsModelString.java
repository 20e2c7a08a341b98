package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * KNIME 5.4.5 signature (compile-only). Supertype SettingsModelFlowVariableCompatible (and its
 * getFlowVariableType()) left off: not in the reference.
 */
public class SettingsModelString extends SettingsModel {

    public SettingsModelString(String configName, String defaultValue) {
        throw unsupported();
    }

    @Override
    protected SettingsModelString createClone() {
        throw unsupported();
    }

    @Override
    protected String getModelTypeID() {
        throw unsupported();
    }

    @Override
    protected String getConfigName() {
        throw unsupported();
    }

    public void setStringValue(String newValue) {
        throw unsupported();
    }

    public String getStringValue() {
        throw unsupported();
    }

    public String getJavaUnescapedStringValue() {
        throw unsupported();
    }

    @Override
    protected void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException {
        throw unsupported();
    }

    @Override
    protected void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException {
        throw unsupported();
    }

    @Override
    protected void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException {
        throw unsupported();
    }

    @Override
    protected void saveSettingsForModel(NodeSettingsWO settings) {
        throw unsupported();
    }

    @Override
    public String toString() {
        throw unsupported();
    }

    public String getKey() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
