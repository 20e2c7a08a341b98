package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** KNIME 5.4.5 signature (compile-only). addModelContent(ModelContent) left off: ModelContent extends Config, not in the reference. */
public interface ModelContentWO extends ConfigWO {

    ModelContentWO addModelContent(String key);
}
