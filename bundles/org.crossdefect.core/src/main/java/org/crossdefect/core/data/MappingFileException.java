package org.crossdefect.core.data;

import org.crossdefect.core.error.CrossDefectException;

/** A dataset mapping file that cannot be used; the message names the file, the line and the fix. */
public final class MappingFileException extends CrossDefectException {
    private static final long serialVersionUID = 1L;

    public MappingFileException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_DATA;
    }
}
