package org.crossdefect.knime.ports;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** What downstream configure knows of a model: its method and the backbone it was trained on. */
public final class ModelPortSpec extends AbstractSimplePortObjectSpec {

    /** Writes and reads the spec through KNIME's model content. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<ModelPortSpec> {
    }

    private String method = "";
    private String backboneId = "";

    /** For KNIME's serializer. */
    public ModelPortSpec() {
    }

    /** @param backboneId empty when not known yet (the embeddings were not computed) */
    public ModelPortSpec(String method, String backboneId) {
        this.method = method;
        this.backboneId = backboneId;
    }

    public String method() {
        return method;
    }

    public String backboneId() {
        return backboneId;
    }

    @Override
    protected void save(ModelContentWO model) {
        model.addString("method", method);
        model.addString("backbone-id", backboneId);
    }

    @Override
    protected void load(ModelContentRO model) throws InvalidSettingsException {
        method = model.getString("method");
        backboneId = model.getString("backbone-id");
    }
}
