package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The PatchEmbedder node (see org.crossdefect.core.nodes.NodeCatalog and PatchEmbedderNodeFactory.xml). */
public final class PatchEmbedderNodeFactory extends CrossDefectNodeFactory<PatchEmbedderNodeModel> {

    public PatchEmbedderNodeFactory() {
        super("PatchEmbedder");
    }

    @Override
    public PatchEmbedderNodeModel createNodeModel() {
        return new PatchEmbedderNodeModel();
    }
}
