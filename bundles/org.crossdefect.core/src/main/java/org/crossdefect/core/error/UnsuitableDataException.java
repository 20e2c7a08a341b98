package org.crossdefect.core.error;

/**
 * Images that are valid but cannot serve the work asked of them: a training split without the
 * good or defect images a method learns from, a selection with no image. The message counts
 * what is there and says what to add.
 */
public final class UnsuitableDataException extends CrossDefectException {
    private static final long serialVersionUID = 1L;

    public UnsuitableDataException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_DATA;
    }
}
