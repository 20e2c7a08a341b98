package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The LabeledPatchCoreResidualLearner node (see org.crossdefect.core.nodes.NodeCatalog and LabeledPatchCoreResidualLearnerNodeFactory.xml). */
public final class LabeledPatchCoreResidualLearnerNodeFactory extends CrossDefectNodeFactory<LearnerNodeModel> {

    public LabeledPatchCoreResidualLearnerNodeFactory() {
        super("LabeledPatchCoreResidualLearner");
    }

    @Override
    public LearnerNodeModel createNodeModel() {
        return new LearnerNodeModel("labeled-patchcore-residual");
    }
}
