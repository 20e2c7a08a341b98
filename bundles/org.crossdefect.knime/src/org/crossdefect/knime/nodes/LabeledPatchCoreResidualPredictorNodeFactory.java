package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The LabeledPatchCoreResidualPredictor node (see org.crossdefect.core.nodes.NodeCatalog and LabeledPatchCoreResidualPredictorNodeFactory.xml). */
public final class LabeledPatchCoreResidualPredictorNodeFactory extends CrossDefectNodeFactory<PredictorNodeModel> {

    public LabeledPatchCoreResidualPredictorNodeFactory() {
        super("LabeledPatchCoreResidualPredictor");
    }

    @Override
    public PredictorNodeModel createNodeModel() {
        return new PredictorNodeModel("labeled-patchcore-residual");
    }
}
