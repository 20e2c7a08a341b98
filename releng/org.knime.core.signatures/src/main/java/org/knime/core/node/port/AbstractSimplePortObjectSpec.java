package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/** KNIME 5.4.5 signature (compile-only). */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    public AbstractSimplePortObjectSpec() {
        throw unsupported();
    }

    protected abstract void save(ModelContentWO model);

    protected abstract void load(ModelContentRO model) throws InvalidSettingsException;

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
    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec>
            extends PortObjectSpec.PortObjectSpecSerializer<T> {

        public AbstractSimplePortObjectSpecSerializer() {
            throw unsupported();
        }

        @Override
        public T loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException {
            throw unsupported();
        }

        @Override
        public void savePortObjectSpec(T portObjectSpec, PortObjectSpecZipOutputStream out) throws IOException {
            throw unsupported();
        }

        public static <T extends AbstractSimplePortObjectSpec> T loadPortObjectSpecFromModelSettings(
                ModelContentRO model)
                throws IOException, ClassNotFoundException, InstantiationException, IllegalAccessException {
            throw unsupported();
        }

        public static <T extends AbstractSimplePortObjectSpec> void savePortObjectSpecToModelSettings(
                T portObjectSpec, ModelContentWO model) {
            throw unsupported();
        }
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
