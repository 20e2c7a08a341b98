package org.crossdefect.knime.ports;

import org.crossdefect.core.nodes.PatchEmbedderNode;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * The Patch Embeddings port. The embeddings themselves stay in the embedding store (content-keyed
 * files, shared by every node and the command line, so saving a workflow does not copy hundreds
 * of megabytes); the port carries the backbone, the store folder and the image table.
 */
public final class EmbeddingsPortObject extends AbstractSimplePortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(EmbeddingsPortObject.class);

    /** Writes and reads the port through KNIME's model content. */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<EmbeddingsPortObject> {
    }

    private PatchEmbedderNode.EmbeddingsContent content;

    /** For KNIME's serializer. */
    public EmbeddingsPortObject() {
    }

    public EmbeddingsPortObject(PatchEmbedderNode.EmbeddingsContent content) {
        this.content = content;
    }

    public PatchEmbedderNode.EmbeddingsContent content() {
        return content;
    }

    @Override
    public String getSummary() {
        return content.images().size() + " images embedded with " + content.backbone().id() + " in "
                + content.store();
    }

    @Override
    public PortObjectSpec getSpec() {
        return new BackbonePortSpec(content.backbone().id(), content.backbone().dim());
    }

    @Override
    protected void save(ModelContentWO model, ExecutionMonitor exec) {
        model.addString("content", content.toJson());
    }

    @Override
    protected void load(ModelContentRO model, PortObjectSpec spec, ExecutionMonitor exec)
            throws InvalidSettingsException {
        content = PatchEmbedderNode.EmbeddingsContent.fromJson(model.getString("content"));
    }
}
