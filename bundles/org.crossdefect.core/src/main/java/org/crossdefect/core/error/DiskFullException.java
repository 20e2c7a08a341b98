package org.crossdefect.core.error;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writing a file failed because its disk (or the user's quota) is full: an environment failure,
 * not a problem of the input, so it has its own exit code and names the path and the fix.
 */
public final class DiskFullException extends CrossDefectException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public DiskFullException(Path path, Throwable cause) {
        super("the disk holding " + path.toAbsolutePath() + " is full; free some space there (or write to another "
                + "disk) and run again; nothing was written", cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }

    @Override
    public Kind kind() {
        return Kind.ENVIRONMENT;
    }

    /**
     * @return whether a failure (or one of its causes, e.g. ImageIO's "I/O error writing PNG
     *     file!" around the real one) is the operating system saying the disk or quota is full
     */
    public static boolean isDiskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = t instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : t.getMessage();
            if (t instanceof IOException && text != null) {
                String lower = text.toLowerCase(Locale.ROOT);
                // ENOSPC and EDQUOT as the JDK reports them on Linux, macOS and Windows.
                if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")
                        || lower.contains("not enough space on the disk")) {
                    return true;
                }
            }
        }
        return false;
    }
}
