package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The PatchCorePredictor node (see org.crossdefect.core.nodes.NodeCatalog and PatchCorePredictorNodeFactory.xml). */
public final class PatchCorePredictorNodeFactory extends CrossDefectNodeFactory<PredictorNodeModel> {

    public PatchCorePredictorNodeFactory() {
        super("PatchCorePredictor");
    }

    @Override
    public PredictorNodeModel createNodeModel() {
        return new PredictorNodeModel("patchcore");
    }
}
