package org.crossdefect.core.model;

import org.crossdefect.core.error.CrossDefectException;

/** A model file that cannot be used: missing, damaged, of another format version or of an unknown method. */
public final class ModelFileException extends CrossDefectException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.DAMAGED_FILE;
    }
}
