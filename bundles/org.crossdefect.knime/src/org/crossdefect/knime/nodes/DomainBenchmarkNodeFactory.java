package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The DomainBenchmark node (see org.crossdefect.core.nodes.NodeCatalog and DomainBenchmarkNodeFactory.xml). */
public final class DomainBenchmarkNodeFactory extends CrossDefectNodeFactory<DomainBenchmarkNodeModel> {

    public DomainBenchmarkNodeFactory() {
        super("DomainBenchmark");
    }

    @Override
    public DomainBenchmarkNodeModel createNodeModel() {
        return new DomainBenchmarkNodeModel();
    }
}
