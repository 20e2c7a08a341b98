package org.knime.core.node;

import java.util.function.Supplier;

/** KNIME 5.4.5 signature (compile-only). */
public class ExecutionMonitor {

    public ExecutionMonitor() {
        throw unsupported();
    }

    public void checkCanceled() throws CanceledExecutionException {
        throw unsupported();
    }

    public void setProgress(double progress) {
        throw unsupported();
    }

    public void setProgress(double progress, String message) {
        throw unsupported();
    }

    public void setProgress(double progress, Supplier<String> messageSupplier) {
        throw unsupported();
    }

    public void setMessage(String message) {
        throw unsupported();
    }

    public void setMessage(Supplier<String> messageSupplier) {
        throw unsupported();
    }

    public void setProgress(String message) {
        throw unsupported();
    }

    public ExecutionMonitor createSubProgress(double maxProg) {
        throw unsupported();
    }

    public ExecutionMonitor createSilentSubProgress(double maxProg) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
