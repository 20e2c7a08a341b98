package org.crossdefect.core.data;

/** A dataset mapping file that cannot be used; the message names the file, the line and the fix. */
public final class MappingFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public MappingFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
