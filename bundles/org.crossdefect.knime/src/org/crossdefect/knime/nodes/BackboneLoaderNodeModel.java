package org.crossdefect.knime.nodes;

import org.crossdefect.core.nodes.BackboneLoaderNode;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.knime.CrossDefectNodeModel;
import org.crossdefect.knime.ports.BackbonePortObject;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Backbone Loader: settings -> {@link BackboneLoaderNode#run} (loads once, to check) -> Backbone port. */
final class BackboneLoaderNodeModel extends CrossDefectNodeModel {

    BackboneLoaderNodeModel() {
        super(new PortType[0], new PortType[] {BackbonePortObject.TYPE}, BackboneLoaderNode.PARAMETERS);
    }

    @Override
    protected void check(Parameters p) {
        BackboneLoaderNode.spec(p);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in, Parameters p) {
        // The id needs the weights' digest: known once the backbone is loaded.
        return new PortObjectSpec[] {null};
    }

    @Override
    protected PortObject[] run(PortObject[] in, Parameters p, Progress progress, ExecutionContext exec) {
        return new PortObject[] {new BackbonePortObject(BackboneLoaderNode.run(p))};
    }
}
