package org.crossdefect.knime.nodes;

import org.crossdefect.core.nodes.SyntheticDataNode;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.knime.CrossDefectNodeModel;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Synthetic Defect Data: settings -> {@link SyntheticDataNode#run} -> the datasets table. */
final class SyntheticDefectDataNodeModel extends CrossDefectNodeModel {

    SyntheticDefectDataNodeModel() {
        super(new PortType[0], new PortType[] {BufferedDataTable.TYPE}, SyntheticDataNode.PARAMETERS);
    }

    @Override
    protected void check(Parameters p) {
        SyntheticDataNode.settings(p);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in, Parameters p) {
        return new PortObjectSpec[] {Tables.spec(SyntheticDataNode.COLUMNS)};
    }

    @Override
    protected PortObject[] run(PortObject[] in, Parameters p, Progress progress, ExecutionContext exec)
            throws Exception {
        return new PortObject[] {Tables.table(SyntheticDataNode.run(SyntheticDataNode.settings(p), progress), exec)};
    }
}
