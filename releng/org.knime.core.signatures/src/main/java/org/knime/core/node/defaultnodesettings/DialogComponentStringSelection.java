package org.knime.core.node.defaultnodesettings;

import java.util.Collection;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.util.StringIconOption;

/**
 * KNIME 5.4.5 signature (compile-only). The constructors taking a FlowVariableModel are left off
 * (not in the reference); checkConfigurabilityBeforeLoad(PortObjectSpec[]) left off: it throws NotConfigurableException, which is not in the reference.
 */
public final class DialogComponentStringSelection extends DialogComponent {

    public DialogComponentStringSelection(SettingsModelString stringModel, String label, String... list) {
        super(stringModel);
        throw unsupported();
    }

    public DialogComponentStringSelection(SettingsModelString stringModel, String label, Collection<String> list) {
        super(stringModel);
        throw unsupported();
    }

    public DialogComponentStringSelection(SettingsModelString stringModel, String label, Collection<String> list,
            boolean editable) {
        super(stringModel);
        throw unsupported();
    }

    public DialogComponentStringSelection(SettingsModelString stringModel, String label,
            StringIconOption[] list) {
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

    public void replaceListItems(Collection<String> newItems, String select) {
        throw unsupported();
    }

    public void replaceListItems(StringIconOption[] newItems, String select) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
