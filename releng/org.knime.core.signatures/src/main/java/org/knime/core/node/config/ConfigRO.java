package org.knime.core.node.config;

import java.util.Iterator;

import javax.swing.tree.TreeNode;

import org.knime.core.node.config.base.ConfigBaseRO;

/**
 * KNIME 5.4.5 signature (compile-only). The getters of KNIME types (getConfig, getDataCell,
 * getRowKey, getDataType...) are left off; the primitive and String getters are on
 * {@link ConfigBaseRO}.
 */
public interface ConfigRO extends ConfigBaseRO, TreeNode, Iterable<String> {

    @Override
    Iterator<String> iterator();
}
