package org.knime.core.node;

/** KNIME 5.4.5 signature (compile-only). */
public class CanceledExecutionException extends Exception {

    public CanceledExecutionException() {
        throw unsupported();
    }

    public CanceledExecutionException(String message) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
