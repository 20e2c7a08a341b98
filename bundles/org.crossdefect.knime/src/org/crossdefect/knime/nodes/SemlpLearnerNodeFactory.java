package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The SemlpLearner node (see org.crossdefect.core.nodes.NodeCatalog and SemlpLearnerNodeFactory.xml). */
public final class SemlpLearnerNodeFactory extends CrossDefectNodeFactory<LearnerNodeModel> {

    public SemlpLearnerNodeFactory() {
        super("SemlpLearner");
    }

    @Override
    public LearnerNodeModel createNodeModel() {
        return new LearnerNodeModel("semlp");
    }
}
