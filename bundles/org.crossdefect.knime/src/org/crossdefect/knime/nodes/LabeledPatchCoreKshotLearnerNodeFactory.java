package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The LabeledPatchCoreKshotLearner node (see org.crossdefect.core.nodes.NodeCatalog and LabeledPatchCoreKshotLearnerNodeFactory.xml). */
public final class LabeledPatchCoreKshotLearnerNodeFactory extends CrossDefectNodeFactory<LearnerNodeModel> {

    public LabeledPatchCoreKshotLearnerNodeFactory() {
        super("LabeledPatchCoreKshotLearner");
    }

    @Override
    public LearnerNodeModel createNodeModel() {
        return new LearnerNodeModel("labeled-patchcore-kshot");
    }
}
