package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The LabeledPatchCoreResidualKshotPredictor node (see org.crossdefect.core.nodes.NodeCatalog and LabeledPatchCoreResidualKshotPredictorNodeFactory.xml). */
public final class LabeledPatchCoreResidualKshotPredictorNodeFactory extends CrossDefectNodeFactory<PredictorNodeModel> {

    public LabeledPatchCoreResidualKshotPredictorNodeFactory() {
        super("LabeledPatchCoreResidualKshotPredictor");
    }

    @Override
    public PredictorNodeModel createNodeModel() {
        return new PredictorNodeModel("labeled-patchcore-residual-kshot");
    }
}
