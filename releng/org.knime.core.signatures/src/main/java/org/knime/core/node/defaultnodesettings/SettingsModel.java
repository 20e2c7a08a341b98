package org.knime.core.node.defaultnodesettings;

import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * KNIME 5.4.5 signature (compile-only). The abstract loadSettingsForDialog(NodeSettingsRO,
 * PortObjectSpec[]) is left off (here and in the subclasses): it throws NotConfigurableException,
 * which is not in the reference.
 */
public abstract class SettingsModel {

    public SettingsModel() {
        throw unsupported();
    }

    public final <T extends SettingsModel> T createCloneWithValidatedValue(NodeSettingsRO settings)
            throws InvalidSettingsException {
        throw unsupported();
    }

    protected abstract <T extends SettingsModel> T createClone();

    protected abstract String getModelTypeID();

    protected abstract String getConfigName();

    protected abstract void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException;

    public void addChangeListener(ChangeListener l) {
        throw unsupported();
    }

    protected void prependChangeListener(ChangeListener l) {
        throw unsupported();
    }

    public void removeChangeListener(ChangeListener l) {
        throw unsupported();
    }

    protected void notifyChangeListeners() {
        throw unsupported();
    }

    public void setEnabled(boolean enabled) {
        throw unsupported();
    }

    public boolean isEnabled() {
        throw unsupported();
    }

    public final void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException {
        throw unsupported();
    }

    protected abstract void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    public final void loadSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException {
        throw unsupported();
    }

    protected abstract void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    public final void saveSettingsTo(NodeSettingsWO settings) {
        throw unsupported();
    }

    protected abstract void saveSettingsForModel(NodeSettingsWO settings);

    @Override
    public abstract String toString();

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
