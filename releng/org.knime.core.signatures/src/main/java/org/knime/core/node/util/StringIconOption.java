package org.knime.core.node.util;

import javax.swing.Icon;

/** KNIME 5.4.5 signature (compile-only). */
public interface StringIconOption {

    String getText();

    Icon getIcon();
}
