package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The PatchCoreLearner node (see org.crossdefect.core.nodes.NodeCatalog and PatchCoreLearnerNodeFactory.xml). */
public final class PatchCoreLearnerNodeFactory extends CrossDefectNodeFactory<LearnerNodeModel> {

    public PatchCoreLearnerNodeFactory() {
        super("PatchCoreLearner");
    }

    @Override
    public LearnerNodeModel createNodeModel() {
        return new LearnerNodeModel("patchcore");
    }
}
