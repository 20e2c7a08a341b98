package org.crossdefect.knime.ports;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** What downstream configure knows of a backbone: its id and embedding dimension. */
public final class BackbonePortSpec extends AbstractSimplePortObjectSpec {

    /** Writes and reads the spec through KNIME's model content. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<BackbonePortSpec> {
    }

    private String backboneId = "";
    private int dim;

    /** For KNIME's serializer. */
    public BackbonePortSpec() {
    }

    public BackbonePortSpec(String backboneId, int dim) {
        this.backboneId = backboneId;
        this.dim = dim;
    }

    public String backboneId() {
        return backboneId;
    }

    public int dim() {
        return dim;
    }

    @Override
    protected void save(ModelContentWO model) {
        model.addString("backbone-id", backboneId);
        model.addInt("dim", dim);
    }

    @Override
    protected void load(ModelContentRO model) throws InvalidSettingsException {
        backboneId = model.getString("backbone-id");
        dim = model.getInt("dim");
    }
}
