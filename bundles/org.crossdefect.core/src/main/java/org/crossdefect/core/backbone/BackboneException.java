package org.crossdefect.core.backbone;

import org.crossdefect.core.error.CrossDefectException;

/**
 * A backbone that cannot be built: weights missing, corrupt or made for another architecture, a
 * TorchScript file that returns the wrong shapes, or a native library that does not load. The
 * message names the file (and the first mismatching tensor) and says what to do.
 */
public final class BackboneException extends CrossDefectException {
    private static final long serialVersionUID = 1L;

    public BackboneException(String message) {
        super(message);
    }

    public BackboneException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.DAMAGED_FILE;
    }
}
