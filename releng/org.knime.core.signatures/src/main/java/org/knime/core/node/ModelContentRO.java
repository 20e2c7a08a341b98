package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/** KNIME 5.4.5 signature (compile-only). */
public interface ModelContentRO extends ConfigRO {

    ModelContentRO getModelContent(String key) throws InvalidSettingsException;
}
