package org.crossdefect.cli;

import java.util.Iterator;

/** The registry's method ids, for {@code --method}'s help and completion. */
final class MethodIds implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return CrossDefectCommand.ENGINE.methods().ids().iterator();
    }
}
