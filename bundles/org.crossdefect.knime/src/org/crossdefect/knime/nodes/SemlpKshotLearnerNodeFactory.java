package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The SemlpKshotLearner node (see org.crossdefect.core.nodes.NodeCatalog and SemlpKshotLearnerNodeFactory.xml). */
public final class SemlpKshotLearnerNodeFactory extends CrossDefectNodeFactory<LearnerNodeModel> {

    public SemlpKshotLearnerNodeFactory() {
        super("SemlpKshotLearner");
    }

    @Override
    public LearnerNodeModel createNodeModel() {
        return new LearnerNodeModel("semlp-kshot");
    }
}
