package org.crossdefect.knime;

import org.crossdefect.core.progress.Progress;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** The engine's progress callback on a node's execution monitor: progress bar, message and cancel. */
final class ExecutionProgress implements Progress {

    private final ExecutionMonitor exec;
    private final java.util.function.Consumer<String> warnings;

    /** @param warnings where the node shows warnings (its warning message) */
    ExecutionProgress(ExecutionMonitor exec, java.util.function.Consumer<String> warnings) {
        this.exec = exec;
        this.warnings = warnings;
    }

    @Override
    public void warn(String message) {
        warnings.accept(message);
    }

    @Override
    public void update(long done, long total, String message) {
        if (total > 0) {
            exec.setProgress(Math.min(1.0, (double) done / total), message);
        } else {
            exec.setMessage(message);
        }
    }

    @Override
    public boolean cancelRequested() {
        try {
            exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }
}
