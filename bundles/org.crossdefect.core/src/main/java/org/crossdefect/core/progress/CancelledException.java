package org.crossdefect.core.progress;

/** Thrown by an engine operation that stopped because its {@link Progress} asked it to. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("Cancelled by the user; nothing was written.");
    }
}
