package org.knime.core.data.container;

import java.util.Iterator;

import org.knime.core.data.DataRow;

/** KNIME 5.4.5 signature (compile-only). */
public abstract class CloseableRowIterator extends org.knime.core.data.RowIterator implements java.io.Closeable {

    public CloseableRowIterator() {
        throw unsupported();
    }

    public static CloseableRowIterator empty() {
        throw unsupported();
    }

    public static CloseableRowIterator wrap(Iterator<? extends DataRow> iterator) {
        throw unsupported();
    }

    public static CloseableRowIterator from(Iterator<? extends DataRow> iterator) {
        throw unsupported();
    }

    public static CloseableRowIterator from(Iterator<? extends DataRow> iterator, AutoCloseable closeable) {
        throw unsupported();
    }

    @Override
    public abstract void close();

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
