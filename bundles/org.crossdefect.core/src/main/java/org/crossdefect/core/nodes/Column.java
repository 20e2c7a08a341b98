package org.crossdefect.core.nodes;

/**
 * One column of a node's table.
 *
 * @param name the column name KNIME shows (and workflows refer to)
 * @param type its cell type
 * @param description one sentence for the node description
 */
public record Column(String name, ColumnType type, String description) {
}
