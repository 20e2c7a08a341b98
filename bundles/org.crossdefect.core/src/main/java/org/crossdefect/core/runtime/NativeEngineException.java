package org.crossdefect.core.runtime;

import org.crossdefect.core.error.CrossDefectException;

/** The native deep-learning engine (PyTorch through DJL) cannot start here; the message says what to install. */
public final class NativeEngineException extends CrossDefectException {
    private static final long serialVersionUID = 1L;

    public NativeEngineException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.ENVIRONMENT;
    }
}
