package org.knime.core.data;

import java.util.Iterator;

/**
 * KNIME 5.4.5 signature (compile-only), from KNIME's public sources: not in the shared reference
 * (see tests/org.crossdefect.knime.tests/src/test/resources/knime-core-5.4.5-from-sources.txt).
 */
public abstract class RowIterator implements Iterator<DataRow> {

    public RowIterator() {
        throw unsupported();
    }

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();

    @Override
    public final void remove() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
