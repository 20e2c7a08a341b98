package org.crossdefect.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.crossdefect.core.progress.Progress;

/** A progress that never cancels and keeps every warning, for tests that check what was said. */
public final class Warnings implements Progress {

    private final List<String> said = new CopyOnWriteArrayList<>();

    @Override
    public void update(long done, long total, String message) {
        // only the warnings matter here
    }

    @Override
    public boolean cancelRequested() {
        return false;
    }

    @Override
    public void warn(String message) {
        said.add(message);
    }

    /** @return the warnings so far, in order */
    public List<String> said() {
        return List.copyOf(said);
    }

    public void clear() {
        said.clear();
    }
}
