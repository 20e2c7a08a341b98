package org.crossdefect.core.io;

import java.io.IOException;

/** A model file that cannot be used: damaged, of another format version, or for another backbone. */
public final class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
