package org.knime.core.node;

import javax.swing.JComponent;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;

/**
 * KNIME 5.4.5 signature (compile-only). Supertype DataTable (and with it Iterable&lt;DataRow&gt;) left
 * off: not in the reference.
 */
public final class BufferedDataTable implements PortObject {

    public static final PortType TYPE = null;

    public static final PortType TYPE_OPTIONAL = null;

    private BufferedDataTable() {
        throw unsupported();
    }

    public DataTableSpec getDataTableSpec() {
        throw unsupported();
    }

    @Override
    public DataTableSpec getSpec() {
        throw unsupported();
    }

    @Override
    public String getSummary() {
        throw unsupported();
    }

    public CloseableRowIterator iterator() {
        throw unsupported();
    }

    public CloseableRowIterator iteratorFailProve() {
        throw unsupported();
    }

    public int getRowCount() {
        throw unsupported();
    }

    public long size() {
        throw unsupported();
    }

    public Integer getBufferedTableId() {
        throw unsupported();
    }

    @Override
    public JComponent[] getViews() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
