package org.crossdefect.core.error;

/**
 * Parts that do not fit together: a model trained on another backbone than the one loaded, an
 * embedding store of another backbone, settings a model file was not written with.
 */
public final class IncompatibleException extends CrossDefectException {
    private static final long serialVersionUID = 1L;

    public IncompatibleException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.INCOMPATIBLE;
    }
}
