package org.crossdefect.knime.nodes;

import org.crossdefect.core.nodes.ImageTable;
import org.crossdefect.core.nodes.PatchEmbedderNode;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.knime.CrossDefectNodeModel;
import org.crossdefect.knime.ports.BackbonePortObject;
import org.crossdefect.knime.ports.EmbeddingsPortObject;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Patch Embedder: Backbone port + image table -> {@link PatchEmbedderNode#run} -> Patch Embeddings port. */
final class PatchEmbedderNodeModel extends CrossDefectNodeModel {

    PatchEmbedderNodeModel() {
        super(new PortType[] {BackbonePortObject.TYPE, BufferedDataTable.TYPE},
                new PortType[] {EmbeddingsPortObject.TYPE}, PatchEmbedderNode.PARAMETERS);
    }

    @Override
    protected void check(Parameters p) {
        PatchEmbedderNode.settings(p);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in, Parameters p) throws InvalidSettingsException {
        if (in[1] != null) {
            Tables.requireColumns((DataTableSpec) in[1], ImageTable.COLUMNS, "Domain Split Reader (first output)");
        }
        return new PortObjectSpec[] {in[0]};
    }

    @Override
    protected PortObject[] run(PortObject[] in, Parameters p, Progress progress, ExecutionContext exec)
            throws Exception {
        BackbonePortObject backbone = (BackbonePortObject) in[0];
        var images = Tables.read((BufferedDataTable) in[1], ImageTable.COLUMNS, "Domain Split Reader (first output)");
        return new PortObject[] {new EmbeddingsPortObject(PatchEmbedderNode.run(backbone.content(), images,
                PatchEmbedderNode.settings(p), progress))};
    }
}
