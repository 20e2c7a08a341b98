package org.knime.core.node;

import java.net.URL;

/**
 * KNIME 5.4.5 signature (compile-only). The node description is read from
 * {@code <FactoryClass>.xml} beside the factory class.
 */
public abstract class NodeFactory<T extends NodeModel> {

    protected NodeFactory() {
        throw unsupported();
    }

    protected NodeFactory(boolean lazyInitialization) {
        throw unsupported();
    }

    public final String getFactoryId() {
        throw unsupported();
    }

    public synchronized void init() {
        throw unsupported();
    }

    public final String getNodeName() {
        throw unsupported();
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    public abstract NodeView<T> createNodeView(int viewIndex, T nodeModel);

    protected abstract boolean hasDialog();

    protected abstract NodeDialogPane createNodeDialogPane();

    public URL getIcon() {
        throw unsupported();
    }

    public static URL getDefaultIcon() {
        throw unsupported();
    }

    public final boolean isDeprecated() {
        throw unsupported();
    }

    public final boolean isLazilyInitialized() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
