package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** KNIME 5.4.5 signature (compile-only). */
public interface PortObject {

    PortType TYPE = null;

    PortType TYPE_OPTIONAL = null;

    String getSummary();

    PortObjectSpec getSpec();

    JComponent[] getViews();

    /**
     * KNIME 5.4.5 signature (compile-only). Supertype
     * org.knime.core.internal.SerializerMethodLoader$Serializer&lt;T&gt; left off: not in the reference.
     */
    abstract class PortObjectSerializer<T extends PortObject> {

        public PortObjectSerializer() {
            throw new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core");
        }

        public abstract void savePortObject(T portObject, PortObjectZipOutputStream out, ExecutionMonitor exec)
                throws IOException, CanceledExecutionException;

        public abstract T loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
                throws IOException, CanceledExecutionException;
    }
}
