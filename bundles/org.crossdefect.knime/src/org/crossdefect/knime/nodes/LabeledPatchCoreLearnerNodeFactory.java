package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The LabeledPatchCoreLearner node (see org.crossdefect.core.nodes.NodeCatalog and LabeledPatchCoreLearnerNodeFactory.xml). */
public final class LabeledPatchCoreLearnerNodeFactory extends CrossDefectNodeFactory<LearnerNodeModel> {

    public LabeledPatchCoreLearnerNodeFactory() {
        super("LabeledPatchCoreLearner");
    }

    @Override
    public LearnerNodeModel createNodeModel() {
        return new LearnerNodeModel("labeled-patchcore");
    }
}
