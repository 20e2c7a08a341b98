package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The LabeledPatchCorePredictor node (see org.crossdefect.core.nodes.NodeCatalog and LabeledPatchCorePredictorNodeFactory.xml). */
public final class LabeledPatchCorePredictorNodeFactory extends CrossDefectNodeFactory<PredictorNodeModel> {

    public LabeledPatchCorePredictorNodeFactory() {
        super("LabeledPatchCorePredictor");
    }

    @Override
    public PredictorNodeModel createNodeModel() {
        return new PredictorNodeModel("labeled-patchcore");
    }
}
