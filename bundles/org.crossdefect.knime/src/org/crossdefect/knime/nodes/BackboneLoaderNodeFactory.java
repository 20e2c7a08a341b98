package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The BackboneLoader node (see org.crossdefect.core.nodes.NodeCatalog and BackboneLoaderNodeFactory.xml). */
public final class BackboneLoaderNodeFactory extends CrossDefectNodeFactory<BackboneLoaderNodeModel> {

    public BackboneLoaderNodeFactory() {
        super("BackboneLoader");
    }

    @Override
    public BackboneLoaderNodeModel createNodeModel() {
        return new BackboneLoaderNodeModel();
    }
}
