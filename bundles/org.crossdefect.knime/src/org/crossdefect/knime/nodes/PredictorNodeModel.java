package org.crossdefect.knime.nodes;

import org.crossdefect.core.nodes.PredictionTable;
import org.crossdefect.core.nodes.PredictorNode;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.knime.CrossDefectNodeFactory;
import org.crossdefect.knime.CrossDefectNodeModel;
import org.crossdefect.knime.ports.BackbonePortSpec;
import org.crossdefect.knime.ports.EmbeddingsPortObject;
import org.crossdefect.knime.ports.ModelPortObject;
import org.crossdefect.knime.ports.ModelPortSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * A method's Predictor: CrossDefect Model + Patch Embeddings -> {@link PredictorNode#run} -> the
 * predictions table. A model of another method or backbone fails at configure time.
 */
final class PredictorNodeModel extends CrossDefectNodeModel {

    private final String method;

    PredictorNodeModel(String method) {
        super(new PortType[] {ModelPortObject.TYPE, EmbeddingsPortObject.TYPE},
                new PortType[] {BufferedDataTable.TYPE}, PredictorNode.PARAMETERS);
        this.method = method;
    }

    @Override
    protected void check(Parameters p) {
        PredictorNode.settings(p);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in, Parameters p) throws InvalidSettingsException {
        if (in[0] instanceof ModelPortSpec model) {
            if (!model.method().equals(method)) {
                throw new InvalidSettingsException("the model is a " + model.method() + " model; connect a "
                        + CrossDefectNodeFactory.METHODS.get(method).title() + " Learner, or use the "
                        + CrossDefectNodeFactory.METHODS.get(model.method()).title() + " Predictor");
            }
            if (in[1] instanceof BackbonePortSpec embeddings && !model.backboneId().isEmpty()) {
                PredictorNode.requireSameBackbone(model.backboneId(), embeddings.backboneId());
            }
        }
        return new PortObjectSpec[] {Tables.spec(PredictionTable.COLUMNS)};
    }

    @Override
    protected PortObject[] run(PortObject[] in, Parameters p, Progress progress, ExecutionContext exec)
            throws Exception {
        ModelPortObject model = (ModelPortObject) in[0];
        EmbeddingsPortObject embeddings = (EmbeddingsPortObject) in[1];
        return new PortObject[] {Tables.table(PredictorNode.run(CrossDefectNodeFactory.METHODS, model.content(),
                embeddings.content(), PredictorNode.settings(p), progress), exec)};
    }
}
