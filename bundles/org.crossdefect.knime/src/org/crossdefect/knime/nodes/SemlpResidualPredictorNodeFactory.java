package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The SemlpResidualPredictor node (see org.crossdefect.core.nodes.NodeCatalog and SemlpResidualPredictorNodeFactory.xml). */
public final class SemlpResidualPredictorNodeFactory extends CrossDefectNodeFactory<PredictorNodeModel> {

    public SemlpResidualPredictorNodeFactory() {
        super("SemlpResidualPredictor");
    }

    @Override
    public PredictorNodeModel createNodeModel() {
        return new PredictorNodeModel("semlp-residual");
    }
}
