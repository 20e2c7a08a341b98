package org.knime.core.node;

import org.knime.core.data.DataTableSpec;

/** KNIME 5.4.5 signature (compile-only). KNIME passes it to {@link NodeModel}'s execute. */
public class ExecutionContext extends ExecutionMonitor {

    private ExecutionContext() {
        throw unsupported();
    }

    public BufferedDataContainer createDataContainer(DataTableSpec spec) {
        throw unsupported();
    }

    public BufferedDataContainer createDataContainer(DataTableSpec spec, boolean initDomain) {
        throw unsupported();
    }

    public BufferedDataContainer createDataContainer(DataTableSpec spec, boolean initDomain, int maxCellsInMemory) {
        throw unsupported();
    }

    public BufferedDataTable createSpecReplacerTable(BufferedDataTable in, DataTableSpec newSpec) {
        throw unsupported();
    }

    public BufferedDataTable createWrappedTable(BufferedDataTable in) {
        throw unsupported();
    }

    public BufferedDataTable createVoidTable(DataTableSpec spec) {
        throw unsupported();
    }

    public void clearTable(BufferedDataTable table) {
        throw unsupported();
    }

    public ExecutionContext createSubExecutionContext(double maxProg) {
        throw unsupported();
    }

    public ExecutionContext createSilentSubExecutionContext(double maxProg) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
