package org.crossdefect.knime.ports;

import java.io.IOException;
import java.util.zip.ZipEntry;

import org.crossdefect.core.nodes.LearnerNode;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * The CrossDefect Model port, one type for every method: the engine's model file (versioned,
 * checksummed) inside the port's zip stream, checked again when read.
 */
public final class ModelPortObject extends AbstractPortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ModelPortObject.class);
    static final String ENTRY = "crossdefect-model.zip";

    /** Writes and reads the model file through the port's zip stream. */
    public static final class Serializer extends AbstractPortObjectSerializer<ModelPortObject> {
    }

    private LearnerNode.ModelContent content;

    /** For KNIME's serializer. */
    public ModelPortObject() {
    }

    public ModelPortObject(LearnerNode.ModelContent content) {
        this.content = content;
    }

    public LearnerNode.ModelContent content() {
        return content;
    }

    @Override
    public String getSummary() {
        return content.info().method() + " model on " + content.info().backboneId();
    }

    @Override
    public PortObjectSpec getSpec() {
        return new ModelPortSpec(content.info().method(), content.info().backboneId());
    }

    @Override
    public javax.swing.JComponent[] getViews() {
        return new javax.swing.JComponent[0];
    }

    @Override
    protected void save(PortObjectZipOutputStream out, ExecutionMonitor exec) throws IOException,
            CanceledExecutionException {
        out.putNextEntry(new ZipEntry(ENTRY));
        out.write(content.modelFile());
        out.closeEntry();
    }

    @Override
    protected void load(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec) throws IOException,
            CanceledExecutionException {
        ZipEntry entry = in.getNextEntry();
        if (entry == null || !entry.getName().equals(ENTRY)) {
            throw new IOException("the CrossDefect model port holds no " + ENTRY + "; execute the Learner again");
        }
        content = LearnerNode.ModelContent.of(in.readAllBytes());
    }
}
