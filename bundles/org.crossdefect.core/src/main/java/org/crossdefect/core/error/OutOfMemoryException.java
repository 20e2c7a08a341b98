package org.crossdefect.core.error;

/**
 * Java ran out of heap memory on a piece of work (an image decoded, a memory bank built): an
 * environment failure; the message names what was being done and how to give Java more memory.
 */
public final class OutOfMemoryException extends CrossDefectException {
    private static final long serialVersionUID = 1L;

    /** How to raise Java's heap, for each door, said once here. */
    public static final String FIX = "give Java more memory (command line: CROSSDEFECT_JAVA_OPTS=\"-Xmx16g -XX:+UseSerialGC\"; KNIME: "
            + "-Xmx16g in knime.ini), or use smaller images or fewer at once";

    /** @param what what ran out of memory, e.g. "decoding /x/y.png (10000x10000 pixels)" */
    public OutOfMemoryException(String what, OutOfMemoryError cause) {
        super("out of memory " + what + " with a Java heap of " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB: " + FIX, cause);
    }

    @Override
    public Kind kind() {
        return Kind.ENVIRONMENT;
    }
}
