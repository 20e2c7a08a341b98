package org.knime.core.node;

import java.awt.Component;
import java.io.IOException;
import java.io.OutputStream;

import javax.swing.JPanel;

/**
 * KNIME 5.4.5 signature (compile-only). loadSettingsFrom(NodeSettingsRO, PortObjectSpec[]/DataTableSpec[])
 * left off: they throw NotConfigurableException, which is not in the reference.
 */
public abstract class NodeDialogPane {

    protected NodeDialogPane() {
        throw unsupported();
    }

    protected final NodeLogger getLogger() {
        throw unsupported();
    }

    public final JPanel getPanel() {
        throw unsupported();
    }

    public final boolean isWriteProtected() {
        throw unsupported();
    }

    public void onCancel() {
        throw unsupported();
    }

    public void onClose() {
        throw unsupported();
    }

    public void onOpen() {
        throw unsupported();
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;

    public final void finishEditingAndSaveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException {
        throw unsupported();
    }

    public final void saveSettingsTo(OutputStream out) throws InvalidSettingsException, IOException {
        throw unsupported();
    }

    protected final void addTab(String title, Component comp) {
        throw unsupported();
    }

    protected final void addTab(String title, Component comp, boolean wrapInScrollPane) {
        throw unsupported();
    }

    protected final void removeTab(String name) {
        throw unsupported();
    }

    public boolean closeOnESC() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
