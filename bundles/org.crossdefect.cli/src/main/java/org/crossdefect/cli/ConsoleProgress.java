package org.crossdefect.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.crossdefect.core.progress.Progress;

/**
 * Shows engine progress on stderr (a bar with ETA on a terminal, a line every 10 % otherwise)
 * and turns Ctrl-C into a cancel request: the JVM waits until the engine has stopped and
 * removed what it had started, so no half-written output is left.
 */
final class ConsoleProgress implements Progress, AutoCloseable {

    private static final int BAR_WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private long startNanos = System.nanoTime();
    private long lastDone = -1;
    private long lastTotal = -1;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean cancelled;
    private int lastDecile = -1;
    private long lastDrawNanos;
    private boolean drewBar;

    ConsoleProgress(PrintStream err) {
        this.err = err;
        this.terminal = System.console() != null;
        this.hook = new Thread(() -> {
            cancelled = true;
            try {
                // Give the engine time to stop at its next check and delete temporary output.
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "crossdefect-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public synchronized void update(long done, long total, String message) {
        if (total <= 0) {
            return;
        }
        double fraction = Math.min(1.0, (double) done / total);
        long now = System.nanoTime();
        if (done < lastDone || total != lastTotal) {
            // A new phase (embedding, training runs, evaluation): its ETA starts from now.
            startNanos = now;
            lastDecile = -1;
        }
        lastDone = done;
        lastTotal = total;
        if (terminal) {
            if (now - lastDrawNanos < 100_000_000L && done < total) {
                return;
            }
            lastDrawNanos = now;
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            err.printf("\r[%s%s] %3d%% %s (%d/%d)%s", "#".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                    Math.round(fraction * 100), message, done, total, eta(fraction, now));
            drewBar = true;
            if (done >= total) {
                err.println();
                drewBar = false;
            }
        } else {
            int decile = (int) Math.floor(fraction * 10);
            if (decile != lastDecile) {
                lastDecile = decile;
                err.printf("%3d%% %s (%d/%d)%s%n", decile * 10, message, done, total, eta(fraction, now));
            }
        }
    }

    private String eta(double fraction, long now) {
        if (fraction <= 0 || fraction >= 1) {
            return "";
        }
        double elapsed = (now - startNanos) / 1e9;
        long remaining = Math.round(elapsed / fraction - elapsed);
        return String.format(" ETA %d:%02d", remaining / 60, remaining % 60);
    }

    @Override
    public synchronized void warn(String message) {
        if (drewBar) {
            err.println();
            drewBar = false;
        }
        err.println("warning: " + message);
    }

    @Override
    public boolean cancelRequested() {
        return cancelled;
    }

    @Override
    public synchronized void close() {
        if (drewBar) {
            err.println();
        }
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running and sees `finished`.
        }
    }
}
