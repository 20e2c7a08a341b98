package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The SemlpResidualKshotPredictor node (see org.crossdefect.core.nodes.NodeCatalog and SemlpResidualKshotPredictorNodeFactory.xml). */
public final class SemlpResidualKshotPredictorNodeFactory extends CrossDefectNodeFactory<PredictorNodeModel> {

    public SemlpResidualKshotPredictorNodeFactory() {
        super("SemlpResidualKshotPredictor");
    }

    @Override
    public PredictorNodeModel createNodeModel() {
        return new PredictorNodeModel("semlp-residual-kshot");
    }
}
