package org.crossdefect.knime.ports;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crossdefect.core.nodes.BackboneLoaderNode;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** The Backbone port: the Backbone Loader's settings and the backbone's identity (the network loads where used). */
public final class BackbonePortObject extends AbstractSimplePortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(BackbonePortObject.class);

    /** Writes and reads the port through KNIME's model content. */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<BackbonePortObject> {
    }

    private BackboneLoaderNode.BackboneContent content;

    /** For KNIME's serializer. */
    public BackbonePortObject() {
    }

    public BackbonePortObject(BackboneLoaderNode.BackboneContent content) {
        this.content = content;
    }

    public BackboneLoaderNode.BackboneContent content() {
        return content;
    }

    @Override
    public String getSummary() {
        return content.id() + " (D = " + content.dim() + ", grid " + content.gridHeight() + "x" + content.gridWidth()
                + ")";
    }

    @Override
    public PortObjectSpec getSpec() {
        return new BackbonePortSpec(content.id(), content.dim());
    }

    @Override
    protected void save(ModelContentWO model, ExecutionMonitor exec) {
        ModelContentWO settings = model.addModelContent("settings");
        content.settings().forEach(settings::addString);
        model.addString("id", content.id());
        model.addInt("dim", content.dim());
        model.addInt("grid-height", content.gridHeight());
        model.addInt("grid-width", content.gridWidth());
    }

    @Override
    protected void load(ModelContentRO model, PortObjectSpec spec, ExecutionMonitor exec)
            throws InvalidSettingsException {
        ModelContentRO settings = model.getModelContent("settings");
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : settings.keySet()) {
            values.put(key, settings.getString(key));
        }
        content = new BackboneLoaderNode.BackboneContent(values, model.getString("id"), model.getInt("dim"),
                model.getInt("grid-height"), model.getInt("grid-width"));
    }
}
