package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

/** KNIME 5.4.5 signature (compile-only). */
public interface PortObjectSpec {

    JComponent[] getViews();

    /**
     * KNIME 5.4.5 signature (compile-only). Supertype
     * org.knime.core.internal.SerializerMethodLoader$Serializer&lt;T&gt; left off: not in the reference.
     */
    abstract class PortObjectSpecSerializer<T extends PortObjectSpec> {

        public PortObjectSpecSerializer() {
            throw new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core");
        }

        public abstract void savePortObjectSpec(T portObjectSpec, PortObjectSpecZipOutputStream out)
                throws IOException;

        public abstract T loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException;
    }
}
