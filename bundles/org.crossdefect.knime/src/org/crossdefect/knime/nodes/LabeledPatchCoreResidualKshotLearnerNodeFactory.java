package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The LabeledPatchCoreResidualKshotLearner node (see org.crossdefect.core.nodes.NodeCatalog and LabeledPatchCoreResidualKshotLearnerNodeFactory.xml). */
public final class LabeledPatchCoreResidualKshotLearnerNodeFactory extends CrossDefectNodeFactory<LearnerNodeModel> {

    public LabeledPatchCoreResidualKshotLearnerNodeFactory() {
        super("LabeledPatchCoreResidualKshotLearner");
    }

    @Override
    public LearnerNodeModel createNodeModel() {
        return new LearnerNodeModel("labeled-patchcore-residual-kshot");
    }
}
