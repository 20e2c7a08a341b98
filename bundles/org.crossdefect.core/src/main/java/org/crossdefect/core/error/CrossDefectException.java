package org.crossdefect.core.error;

/**
 * A failure the user can fix: a bad setting, a tree or file that cannot be used, a model that
 * does not fit the backbone. The message names the setting or file and says what to do. The
 * doors (CLI, KNIME nodes) catch this one type and show the message alone; anything else that
 * escapes the engine is a bug and keeps its stack trace.
 *
 * <p>Unchecked on purpose: almost every engine call can meet one of these kinds (an image
 * folder, a weights file, a setting), so a checked type would be declared everywhere and add no
 * safety; the doors still tell them from bugs by this base type, and the CLI by {@link #kind()}.
 */
public abstract class CrossDefectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kinds of user error, each with its CLI exit code. */
    public enum Kind {
        /** A setting or option value is invalid: the usage is wrong. */
        INVALID_SETTING(2),
        /** The images, masks or mapping files have problems. */
        INVALID_DATA(1),
        /** A model, backbone or embedding store does not fit the others. */
        INCOMPATIBLE(1),
        /** A file (model, weights) is damaged or of another format. */
        DAMAGED_FILE(1),
        /** An output exists and replacing it was not asked for. */
        OUTPUT_EXISTS(1),
        /** The machine lacks something the work needs (the native engine, disk space, memory). */
        ENVIRONMENT(3);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    protected CrossDefectException(String message) {
        super(message);
    }

    protected CrossDefectException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract Kind kind();
}
