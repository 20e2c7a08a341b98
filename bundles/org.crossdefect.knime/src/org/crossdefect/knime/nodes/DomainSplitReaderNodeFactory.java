package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The DomainSplitReader node (see org.crossdefect.core.nodes.NodeCatalog and DomainSplitReaderNodeFactory.xml). */
public final class DomainSplitReaderNodeFactory extends CrossDefectNodeFactory<DomainSplitReaderNodeModel> {

    public DomainSplitReaderNodeFactory() {
        super("DomainSplitReader");
    }

    @Override
    public DomainSplitReaderNodeModel createNodeModel() {
        return new DomainSplitReaderNodeModel();
    }
}
