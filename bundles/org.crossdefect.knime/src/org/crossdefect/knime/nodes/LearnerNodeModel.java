package org.crossdefect.knime.nodes;

import org.crossdefect.core.nodes.LearnerNode;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.knime.CrossDefectNodeFactory;
import org.crossdefect.knime.CrossDefectNodeModel;
import org.crossdefect.knime.ports.BackbonePortSpec;
import org.crossdefect.knime.ports.EmbeddingsPortObject;
import org.crossdefect.knime.ports.ModelPortObject;
import org.crossdefect.knime.ports.ModelPortSpec;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** A method's Learner: Patch Embeddings -> {@link LearnerNode#run} -> CrossDefect Model port. */
final class LearnerNodeModel extends CrossDefectNodeModel {

    private final String method;

    LearnerNodeModel(String method) {
        super(new PortType[] {EmbeddingsPortObject.TYPE}, new PortType[] {ModelPortObject.TYPE},
                LearnerNode.parameters(CrossDefectNodeFactory.METHODS.get(method)));
        this.method = method;
    }

    @Override
    protected void check(Parameters p) {
        LearnerNode.check(CrossDefectNodeFactory.METHODS, method, p);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in, Parameters p) {
        String backbone = in[0] instanceof BackbonePortSpec b ? b.backboneId() : "";
        return new PortObjectSpec[] {new ModelPortSpec(method, backbone)};
    }

    @Override
    protected PortObject[] run(PortObject[] in, Parameters p, Progress progress, ExecutionContext exec)
            throws Exception {
        EmbeddingsPortObject embeddings = (EmbeddingsPortObject) in[0];
        return new PortObject[] {new ModelPortObject(LearnerNode.run(CrossDefectNodeFactory.METHODS, method, p,
                embeddings.content(), progress))};
    }
}
