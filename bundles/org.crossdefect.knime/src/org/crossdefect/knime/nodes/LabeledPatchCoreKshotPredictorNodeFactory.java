package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The LabeledPatchCoreKshotPredictor node (see org.crossdefect.core.nodes.NodeCatalog and LabeledPatchCoreKshotPredictorNodeFactory.xml). */
public final class LabeledPatchCoreKshotPredictorNodeFactory extends CrossDefectNodeFactory<PredictorNodeModel> {

    public LabeledPatchCoreKshotPredictorNodeFactory() {
        super("LabeledPatchCoreKshotPredictor");
    }

    @Override
    public PredictorNodeModel createNodeModel() {
        return new PredictorNodeModel("labeled-patchcore-kshot");
    }
}
