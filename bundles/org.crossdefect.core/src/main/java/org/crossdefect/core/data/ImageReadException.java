package org.crossdefect.core.data;

import java.io.IOException;
import java.nio.file.Path;

/** An image or mask file that cannot be decoded: unreadable, corrupt, truncated or unsupported. */
public final class ImageReadException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String reason;
    private final boolean truncated;

    public ImageReadException(Path path, String reason, boolean truncated, Throwable cause) {
        super(path + ": " + reason + "; " + (truncated ? ProblemKind.TRUNCATED_IMAGE : ProblemKind.UNREADABLE_IMAGE)
                .fix(), cause);
        this.path = path;
        this.reason = reason;
        this.truncated = truncated;
    }

    /** @return what is wrong with the file, without the path and the fix (its problem kind's) */
    public String reason() {
        return reason;
    }

    /** @return the file that could not be read */
    public Path path() {
        return path;
    }

    /** @return whether the file ends early (cut off while copying or downloading) */
    public boolean truncated() {
        return truncated;
    }
}
