package org.knime.core.node.defaultnodesettings;

/** KNIME 5.4.5 signature (compile-only). */
public abstract class SettingsModelNumber extends SettingsModel {

    public SettingsModelNumber() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
