package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The SemlpResidualLearner node (see org.crossdefect.core.nodes.NodeCatalog and SemlpResidualLearnerNodeFactory.xml). */
public final class SemlpResidualLearnerNodeFactory extends CrossDefectNodeFactory<LearnerNodeModel> {

    public SemlpResidualLearnerNodeFactory() {
        super("SemlpResidualLearner");
    }

    @Override
    public LearnerNodeModel createNodeModel() {
        return new LearnerNodeModel("semlp-residual");
    }
}
