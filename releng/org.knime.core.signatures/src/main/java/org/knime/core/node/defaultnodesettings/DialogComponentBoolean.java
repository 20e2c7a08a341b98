package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/** KNIME 5.4.5 signature (compile-only). checkConfigurabilityBeforeLoad(PortObjectSpec[]) left off: it throws NotConfigurableException, which is not in the reference. */
public final class DialogComponentBoolean extends DialogComponent {

    public DialogComponentBoolean(SettingsModelBoolean booleanModel, String label) {
        super(booleanModel);
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

    public boolean isSelected() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
