package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The PatchCoreKshotPredictor node (see org.crossdefect.core.nodes.NodeCatalog and PatchCoreKshotPredictorNodeFactory.xml). */
public final class PatchCoreKshotPredictorNodeFactory extends CrossDefectNodeFactory<PredictorNodeModel> {

    public PatchCoreKshotPredictorNodeFactory() {
        super("PatchCoreKshotPredictor");
    }

    @Override
    public PredictorNodeModel createNodeModel() {
        return new PredictorNodeModel("patchcore-kshot");
    }
}
