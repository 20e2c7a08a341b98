package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/**
 * KNIME 5.4.5 signature (compile-only). The constructor taking a FlowVariableModel is left off
 * (not in the reference); checkConfigurabilityBeforeLoad(PortObjectSpec[]) left off: it throws NotConfigurableException, which is not in the reference.
 */
public final class DialogComponentString extends DialogComponent {

    public DialogComponentString(SettingsModelString stringModel, String label) {
        super(stringModel);
        throw unsupported();
    }

    public DialogComponentString(SettingsModelString stringModel, String label, boolean disallowEmptyString,
            int compWidth) {
        super(stringModel);
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

    public void setSizeComponents(int width, int height) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
