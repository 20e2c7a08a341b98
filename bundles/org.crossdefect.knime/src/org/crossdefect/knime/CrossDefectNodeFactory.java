package org.crossdefect.knime;

import org.crossdefect.core.nodes.NodeCatalog;
import org.crossdefect.core.workspace.MethodRegistry;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/**
 * Every CrossDefect node factory: the node's entry in {@link NodeCatalog} gives its settings
 * (and its description file, {@code <Factory>.xml} beside the class); no views.
 */
public abstract class CrossDefectNodeFactory<M extends CrossDefectNodeModel> extends NodeFactory<M> {

    /** The engine's methods, for every node. */
    public static final MethodRegistry METHODS = MethodRegistry.builtIn();

    private final String id;

    protected CrossDefectNodeFactory(String id) {
        this.id = id;
    }

    /** @return this node's catalog entry */
    public final NodeCatalog.Node node() {
        return NodeCatalog.nodes(METHODS).stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no catalog entry " + id));
    }

    @Override
    protected final int getNrNodeViews() {
        return 0;
    }

    @Override
    public final NodeView<M> createNodeView(int index, M model) {
        return null;
    }

    @Override
    protected final boolean hasDialog() {
        return true;
    }

    @Override
    protected final NodeDialogPane createNodeDialogPane() {
        return new ParameterDialog(node().parameters());
    }
}
