package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsWO;

/**
 * KNIME 5.4.5 signature (compile-only). loadSettingsFrom and loadAdditionalSettingsFrom are left
 * off: they throw NotConfigurableException, which is not in the reference.
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    public DefaultNodeSettingsPane() {
        throw unsupported();
    }

    public void setDefaultTabTitle(String tabTitle) {
        throw unsupported();
    }

    public void createNewTabAt(String tabTitle, int index) {
        throw unsupported();
    }

    public void createNewTab(String tabTitle) {
        throw unsupported();
    }

    public void selectTab(String tabTitle) {
        throw unsupported();
    }

    public void createNewGroup(String title) {
        throw unsupported();
    }

    public void closeCurrentGroup() {
        throw unsupported();
    }

    public void addDialogComponent(DialogComponent diaComponent) {
        throw unsupported();
    }

    public void setHorizontalPlacement(boolean horizontal) {
        throw unsupported();
    }

    @Override
    public final void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException {
        throw unsupported();
    }

    public void saveAdditionalSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
