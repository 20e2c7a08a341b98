package org.knime.core.node;

/** KNIME 5.4.5 signature (compile-only). */
public class InvalidSettingsException extends Exception {

    public InvalidSettingsException(String s) {
        throw unsupported();
    }

    public InvalidSettingsException(Throwable cause) {
        throw unsupported();
    }

    public InvalidSettingsException(String msg, Throwable cause) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
