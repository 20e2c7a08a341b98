package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The SemlpKshotPredictor node (see org.crossdefect.core.nodes.NodeCatalog and SemlpKshotPredictorNodeFactory.xml). */
public final class SemlpKshotPredictorNodeFactory extends CrossDefectNodeFactory<PredictorNodeModel> {

    public SemlpKshotPredictorNodeFactory() {
        super("SemlpKshotPredictor");
    }

    @Override
    public PredictorNodeModel createNodeModel() {
        return new PredictorNodeModel("semlp-kshot");
    }
}
