package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JSpinner;

import org.knime.core.node.InvalidSettingsException;

/**
 * KNIME 5.4.5 signature (compile-only). The constructors taking a FlowVariableModel are left off
 * (not in the reference); checkConfigurabilityBeforeLoad(PortObjectSpec[]) left off: it throws NotConfigurableException, which is not in the reference.
 */
public class DialogComponentNumber extends DialogComponent {

    public DialogComponentNumber(SettingsModelNumber numberModel, String label, Number stepSize) {
        super(numberModel);
        throw unsupported();
    }

    public DialogComponentNumber(SettingsModelNumber numberModel, String label, Number stepSize,
            int compWidth) {
        super(numberModel);
        throw unsupported();
    }

    public JSpinner getSpinner() {
        throw unsupported();
    }

    public JLabel getLabel() {
        throw unsupported();
    }

    public java.util.Optional<JLabel> getWarningLabel() {
        throw unsupported();
    }

    @Override
    protected void updateComponent() {
        throw unsupported();
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        throw unsupported();
    }

    @Override
    protected void setEnabledComponents(boolean enabled) {
        throw unsupported();
    }

    @Override
    public void setToolTipText(String text) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
