package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

/** KNIME 5.4.5 signature (compile-only). Created with {@link ExecutionContext#createDataContainer(DataTableSpec)}. */
public class BufferedDataContainer extends DataContainer {

    private BufferedDataContainer() {
        super((DataTableSpec)null);
        throw unsupported();
    }

    public BufferedDataTable getTable() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
