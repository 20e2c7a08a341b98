package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * KNIME 5.4.5 signature (compile-only). Supertype SettingsModelFlowVariableCompatible (and its
 * getFlowVariableType()) left off: not in the reference.
 */
public class SettingsModelInteger extends SettingsModelNumber {

    public SettingsModelInteger(String configName, int defaultValue) {
        throw unsupported();
    }

    @Override
    protected SettingsModelInteger createClone() {
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

    public void setIntValue(int newValue) {
        throw unsupported();
    }

    public int getIntValue() {
        throw unsupported();
    }

    protected void validateValue(int value) throws InvalidSettingsException {
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
