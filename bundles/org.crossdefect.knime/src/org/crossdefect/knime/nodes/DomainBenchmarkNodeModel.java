package org.crossdefect.knime.nodes;

import org.crossdefect.core.nodes.DomainBenchmarkNode;
import org.crossdefect.core.nodes.SyntheticDataNode;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.knime.CrossDefectNodeFactory;
import org.crossdefect.knime.CrossDefectNodeModel;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Domain Benchmark: datasets table -> {@link DomainBenchmarkNode#run} -> the run folder's tables. */
final class DomainBenchmarkNodeModel extends CrossDefectNodeModel {

    static final String PRODUCER = "Synthetic Defect Data node (or a table with dataset, mapping_file, root)";

    DomainBenchmarkNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {BufferedDataTable.TYPE,
            BufferedDataTable.TYPE, BufferedDataTable.TYPE}, DomainBenchmarkNode.PARAMETERS);
    }

    @Override
    protected void check(Parameters p) {
        DomainBenchmarkNode.settings(CrossDefectNodeFactory.METHODS, p);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in, Parameters p) throws InvalidSettingsException {
        if (in[0] != null) {
            Tables.requireColumns((DataTableSpec) in[0], SyntheticDataNode.COLUMNS.subList(0, 3), PRODUCER);
        }
        // The image AUROC table has a column per method and seed statistic: known after the run.
        return new PortObjectSpec[] {null, Tables.spec(DomainBenchmarkNode.LONG_COLUMNS),
            Tables.spec(DomainBenchmarkNode.RUN_COLUMNS)};
    }

    @Override
    protected PortObject[] run(PortObject[] in, Parameters p, Progress progress, ExecutionContext exec)
            throws Exception {
        var datasets = Tables.read((BufferedDataTable) in[0], SyntheticDataNode.COLUMNS.subList(0, 3), PRODUCER);
        DomainBenchmarkNode.Output out = DomainBenchmarkNode.run(CrossDefectNodeFactory.METHODS, datasets,
                DomainBenchmarkNode.settings(CrossDefectNodeFactory.METHODS, p), progress);
        return new PortObject[] {Tables.table(out.imageAuroc(), exec), Tables.table(out.summaries(), exec),
            Tables.table(out.runs(), exec)};
    }
}
