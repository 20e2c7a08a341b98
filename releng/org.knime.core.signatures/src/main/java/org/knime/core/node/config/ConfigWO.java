package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/**
 * KNIME 5.4.5 signature (compile-only). The adders of KNIME types are left off; the primitive and
 * String adders are on {@link ConfigBaseWO}.
 */
public interface ConfigWO extends ConfigBaseWO {
}
