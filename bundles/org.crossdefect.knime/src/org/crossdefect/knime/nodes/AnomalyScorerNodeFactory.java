package org.crossdefect.knime.nodes;

import org.crossdefect.knime.CrossDefectNodeFactory;

/** The AnomalyScorer node (see org.crossdefect.core.nodes.NodeCatalog and AnomalyScorerNodeFactory.xml). */
public final class AnomalyScorerNodeFactory extends CrossDefectNodeFactory<AnomalyScorerNodeModel> {

    public AnomalyScorerNodeFactory() {
        super("AnomalyScorer");
    }

    @Override
    public AnomalyScorerNodeModel createNodeModel() {
        return new AnomalyScorerNodeModel();
    }
}
