package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The SemlpResidualKshotLearner node (see org.crossdefect.core.nodes.NodeCatalog and SemlpResidualKshotLearnerNodeFactory.xml). */
public final class SemlpResidualKshotLearnerNodeFactory extends CrossDefectNodeFactory<LearnerNodeModel> {

    public SemlpResidualKshotLearnerNodeFactory() {
        super("SemlpResidualKshotLearner");
    }

    @Override
    public LearnerNodeModel createNodeModel() {
        return new LearnerNodeModel("semlp-residual-kshot");
    }
}
