package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** KNIME 5.4.5 signature (compile-only). */
public class SettingsModelBoolean extends SettingsModel {

    public SettingsModelBoolean(String configName, boolean defaultValue) {
        throw unsupported();
    }

    @Override
    protected SettingsModelBoolean createClone() {
        throw unsupported();
    }

    @Override
    protected String getModelTypeID() {
        throw unsupported();
    }

    @Override
    public String getConfigName() {
        throw unsupported();
    }

    public void setBooleanValue(boolean newValue) {
        throw unsupported();
    }

    public boolean getBooleanValue() {
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

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
