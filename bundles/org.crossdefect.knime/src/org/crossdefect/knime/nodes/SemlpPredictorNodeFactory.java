package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The SemlpPredictor node (see org.crossdefect.core.nodes.NodeCatalog and SemlpPredictorNodeFactory.xml). */
public final class SemlpPredictorNodeFactory extends CrossDefectNodeFactory<PredictorNodeModel> {

    public SemlpPredictorNodeFactory() {
        super("SemlpPredictor");
    }

    @Override
    public PredictorNodeModel createNodeModel() {
        return new PredictorNodeModel("semlp");
    }
}
