package org.knime.core.node.defaultnodesettings;

import javax.swing.JComboBox;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;

/**
 * KNIME 5.4.5 signature (compile-only). The constructor taking a FlowVariableModel is left off
 * (not in the reference); checkConfigurabilityBeforeLoad(PortObjectSpec[]) left off: it throws NotConfigurableException, which is not in the reference.
 */
public class DialogComponentFileChooser extends DialogComponent {

    public DialogComponentFileChooser(SettingsModelString stringModel, String historyID, String... validExtensions) {
        super(stringModel);
        throw unsupported();
    }

    public DialogComponentFileChooser(SettingsModelString stringModel, String historyID, int dialogType,
            boolean directoryOnly) {
        super(stringModel);
        throw unsupported();
    }

    public DialogComponentFileChooser(SettingsModelString stringModel, String historyID, int dialogType,
            String... validExtensions) {
        super(stringModel);
        throw unsupported();
    }

    public DialogComponentFileChooser(SettingsModelString stringModel, String historyID, int dialogType,
            boolean directoryOnly, String... validExtensions) {
        super(stringModel);
        throw unsupported();
    }

    protected void clearError(JComboBox<?> box) {
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

    public void setBorderTitle(String title) {
        throw unsupported();
    }

    public void addChangeListener(ChangeListener cl) {
        throw unsupported();
    }

    public void setAllowRemoteURLs(boolean b) {
        throw unsupported();
    }

    public void setAllowSystemPropertySubstitution(boolean b) {
        throw unsupported();
    }

    public void setDialogTypeSaveWithExtension(String forcedExtension) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
