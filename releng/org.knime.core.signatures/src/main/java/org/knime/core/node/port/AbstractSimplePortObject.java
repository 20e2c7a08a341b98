package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/** KNIME 5.4.5 signature (compile-only). */
public abstract class AbstractSimplePortObject implements PortObject {

    public AbstractSimplePortObject() {
        throw unsupported();
    }

    protected abstract void save(ModelContentWO model, ExecutionMonitor exec) throws CanceledExecutionException;

    protected abstract void load(ModelContentRO model, PortObjectSpec spec, ExecutionMonitor exec)
            throws InvalidSettingsException, CanceledExecutionException;

    @Override
    public JComponent[] getViews() {
        throw unsupported();
    }

    @Override
    public boolean equals(Object obj) {
        throw unsupported();
    }

    @Override
    public int hashCode() {
        throw unsupported();
    }

    /** KNIME 5.4.5 signature (compile-only). */
    public abstract static class AbstractSimplePortObjectSerializer<T extends AbstractSimplePortObject>
            extends PortObject.PortObjectSerializer<T> {

        public AbstractSimplePortObjectSerializer() {
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
