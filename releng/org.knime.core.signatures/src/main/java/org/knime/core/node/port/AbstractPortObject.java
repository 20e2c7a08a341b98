package org.knime.core.node.port;

import java.io.IOException;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** KNIME 5.4.5 signature (compile-only). */
public abstract class AbstractPortObject implements PortObject {

    public AbstractPortObject() {
        throw unsupported();
    }

    protected abstract void save(PortObjectZipOutputStream out, ExecutionMonitor exec) throws IOException, CanceledExecutionException;

    protected abstract void load(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

    /** KNIME 5.4.5 signature (compile-only). */
    public abstract static class AbstractPortObjectSerializer<T extends AbstractPortObject>
            extends PortObject.PortObjectSerializer<T> {

        public AbstractPortObjectSerializer() {
            throw unsupported();
        }

        @Override
        public T loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
                throws IOException, CanceledExecutionException {
            throw unsupported();
        }

        @Override
        public void savePortObject(T portObject, PortObjectZipOutputStream out, ExecutionMonitor exec)
                throws IOException, CanceledExecutionException {
            throw unsupported();
        }
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
