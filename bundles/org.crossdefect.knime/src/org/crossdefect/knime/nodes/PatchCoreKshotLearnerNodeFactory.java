package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The PatchCoreKshotLearner node (see org.crossdefect.core.nodes.NodeCatalog and PatchCoreKshotLearnerNodeFactory.xml). */
public final class PatchCoreKshotLearnerNodeFactory extends CrossDefectNodeFactory<LearnerNodeModel> {

    public PatchCoreKshotLearnerNodeFactory() {
        super("PatchCoreKshotLearner");
    }

    @Override
    public LearnerNodeModel createNodeModel() {
        return new LearnerNodeModel("patchcore-kshot");
    }
}
