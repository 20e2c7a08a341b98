package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** KNIME 5.4.5 signature (compile-only). addNodeSettings(NodeSettings) left off: NodeSettings extends Config, not in the reference. */
public interface NodeSettingsWO extends ConfigWO {

    NodeSettingsWO addNodeSettings(String key);
}
