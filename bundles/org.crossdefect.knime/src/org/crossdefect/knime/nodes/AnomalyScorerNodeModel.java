package org.crossdefect.knime.nodes;

import java.util.List;

import org.crossdefect.core.nodes.AnomalyScorerNode;
import org.crossdefect.core.nodes.Column;
import org.crossdefect.core.nodes.ColumnType;
import org.crossdefect.core.nodes.PredictionTable;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.knime.CrossDefectNodeModel;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Anomaly Scorer: predictions table -> {@link AnomalyScorerNode#run} -> figures per target and rule. */
final class AnomalyScorerNodeModel extends CrossDefectNodeModel {

    /** What the scorer reads of a predictions table (the heatmap cells are not needed). */
    static final List<Column> READ = PredictionTable.COLUMNS.stream().filter(c -> c.type() != ColumnType.PNG).toList();
    static final String PRODUCER = "a CrossDefect Predictor";

    AnomalyScorerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {BufferedDataTable.TYPE},
                AnomalyScorerNode.PARAMETERS);
    }

    @Override
    protected void check(Parameters p) {
        AnomalyScorerNode.targetGood(p);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in, Parameters p) throws InvalidSettingsException {
        if (in[0] != null) {
            Tables.requireColumns((DataTableSpec) in[0], READ, PRODUCER);
        }
        return new PortObjectSpec[] {Tables.spec(AnomalyScorerNode.COLUMNS)};
    }

    @Override
    protected PortObject[] run(PortObject[] in, Parameters p, Progress progress, ExecutionContext exec)
            throws Exception {
        var predictions = Tables.read((BufferedDataTable) in[0], READ, PRODUCER);
        return new PortObject[] {Tables.table(AnomalyScorerNode.run(predictions, AnomalyScorerNode.targetGood(p)),
                exec)};
    }
}
