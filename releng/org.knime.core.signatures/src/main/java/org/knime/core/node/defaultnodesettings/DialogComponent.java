package org.knime.core.node.defaultnodesettings;

import javax.swing.JPanel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObjectSpec;

/**
 * KNIME 5.4.5 signature (compile-only). The final loadSettingsFrom(NodeSettingsRO, PortObjectSpec[])
 * and the abstract checkConfigurabilityBeforeLoad(PortObjectSpec[]) left off: it throws NotConfigurableException, which is not in the reference.
 */
public abstract class DialogComponent {

    public DialogComponent(SettingsModel model) {
        throw unsupported();
    }

    public JPanel getComponentPanel() {
        throw unsupported();
    }

    public final SettingsModel getModel() {
        throw unsupported();
    }

    protected final PortObjectSpec getLastTableSpec(int portIdx) {
        throw unsupported();
    }

    protected final PortObjectSpec[] getLastTableSpecs() {
        throw unsupported();
    }

    protected abstract void updateComponent();

    public final void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException {
        throw unsupported();
    }

    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    public final void setEnabled(boolean enabled) {
        throw unsupported();
    }

    protected abstract void setEnabledComponents(boolean enabled);

    protected void showError(JTextField field) {
        throw unsupported();
    }

    protected void clearError(JTextField field) {
        throw unsupported();
    }

    public abstract void setToolTipText(String text);

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
