package org.crossdefect.core.progress;

/**
 * Receives progress of a long engine operation and tells it whether to stop. The CLI draws a
 * progress bar from it, KNIME forwards it to the node's execution context.
 *
 * <p>Engine code calls {@link #checkCancelled()} at least once per image or batch, so a cancel
 * takes effect quickly and the operation can clean up what it started.
 */
public interface Progress {

    /** A progress sink that ignores updates and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String message) {
            // nothing to show
        }

        @Override
        public boolean cancelRequested() {
            return false;
        }
    };

    /**
     * @param done units of work finished so far
     * @param total units of work in all, or -1 when unknown
     * @param message what is being done, for a person
     */
    void update(long done, long total, String message);

    /** @return whether the user asked to stop */
    boolean cancelRequested();

    /**
     * Something the user should know although the work goes on: a damaged cache entry that is
     * recomputed, a setting that gives an absurd size, an image too small to hold detail. The CLI
     * prints it on stderr, a KNIME node shows it as its warning. This default logs it through
     * the platform logger, so a caller that did not ask still finds it in the log.
     */
    default void warn(String message) {
        System.getLogger("org.crossdefect").log(System.Logger.Level.WARNING, message);
    }

    /** @throws CancelledException if the user asked to stop */
    default void checkCancelled() {
        if (cancelRequested()) {
            throw new CancelledException();
        }
    }
}
