package org.knime.core.node;

import java.awt.Component;

/**
 * KNIME 5.4.5 signature (compile-only). Superclass AbstractNodeView&lt;T&gt; (with its abstract
 * modelChanged()) and NodeModelWarningListener left off: not in the reference.
 */
public abstract class NodeView<T extends NodeModel> {

    protected NodeView(T nodeModel) {
        throw unsupported();
    }

    protected T getNodeModel() {
        throw unsupported();
    }

    protected final void setShowNODATALabel(boolean showIt) {
        throw unsupported();
    }

    protected abstract void onClose();

    protected abstract void onOpen();

    protected final Component getComponent() {
        throw unsupported();
    }

    protected final void setComponent(Component comp) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
