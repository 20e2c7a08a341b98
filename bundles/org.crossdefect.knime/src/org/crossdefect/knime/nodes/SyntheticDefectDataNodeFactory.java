package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The SyntheticDefectData node (see org.crossdefect.core.nodes.NodeCatalog and SyntheticDefectDataNodeFactory.xml). */
public final class SyntheticDefectDataNodeFactory extends CrossDefectNodeFactory<SyntheticDefectDataNodeModel> {

    public SyntheticDefectDataNodeFactory() {
        super("SyntheticDefectData");
    }

    @Override
    public SyntheticDefectDataNodeModel createNodeModel() {
        return new SyntheticDefectDataNodeModel();
    }
}
