package org.crossdefect.knime.nodes;

import org.crossdefect.core.nodes.DomainSplitReaderNode;
import org.crossdefect.core.nodes.ImageTable;
import org.crossdefect.core.nodes.SyntheticDataNode;
import org.crossdefect.core.nodes.Table;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.knime.CrossDefectNodeModel;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Domain Split Reader: settings -> {@link DomainSplitReaderNode#run} -> images and problems. */
final class DomainSplitReaderNodeModel extends CrossDefectNodeModel {

    DomainSplitReaderNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE_OPTIONAL}, new PortType[] {BufferedDataTable.TYPE,
            BufferedDataTable.TYPE}, DomainSplitReaderNode.PARAMETERS);
    }

    @Override
    protected void check(Parameters p) {
        // An empty root comes from the Datasets input, known at execute time; check the rest now.
        boolean fromInput = p.text(DomainSplitReaderNode.ROOT).isBlank();
        DomainSplitReaderNode.settings(fromInput ? p.with(DomainSplitReaderNode.ROOT.key(), "input") : p);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in, Parameters p) {
        return new PortObjectSpec[] {Tables.spec(ImageTable.COLUMNS), Tables.spec(DomainSplitReaderNode.PROBLEM_COLUMNS)};
    }

    @Override
    protected PortObject[] run(PortObject[] in, Parameters p, Progress progress, ExecutionContext exec)
            throws Exception {
        Table datasets = in[0] == null ? null : Tables.read((BufferedDataTable) in[0],
                SyntheticDataNode.COLUMNS.subList(0, 3), DomainBenchmarkNodeModel.PRODUCER);
        DomainSplitReaderNode.Output out = DomainSplitReaderNode.run(DomainSplitReaderNode.settings(p, datasets),
                Runtime.getRuntime().availableProcessors(), progress);
        if (out.warning() != null) {
            setWarningMessage(out.warning());
        }
        return new PortObject[] {Tables.table(out.images(), exec), Tables.table(out.problems(), exec)};
    }
}
