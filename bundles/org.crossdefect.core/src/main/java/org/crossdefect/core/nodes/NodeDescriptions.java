package org.crossdefect.core.nodes;

import java.util.List;

import org.crossdefect.core.settings.Parameter;

/**
 * The KNIME node description files ({@code <Factory>.xml}, namespace
 * {@code http://knime.org/node/v4.1}) and the bundle's plugin.xml, rendered from
 * {@link NodeCatalog}: every option, port and output column comes from the engine's
 * declarations, so the descriptions cannot drift from what the nodes accept (a test compares the
 * committed files with this rendering).
 */
public final class NodeDescriptions {

    public static final String NAMESPACE = "http://knime.org/node/v4.1";
    public static final String ICON = "crossdefect.png";
    static final String PORTS_PACKAGE = "org.crossdefect.knime.ports";

    /** A CrossDefect port type as plugin.xml registers it. */
    public record PortType(NodeCatalog.PortKind kind, String name, String color, String objectClass,
            String specClass, boolean simpleObject) {
    }

    public static final List<PortType> PORT_TYPES = List.of(
            new PortType(NodeCatalog.PortKind.BACKBONE, "CrossDefect Backbone", "#5B8DB8",
                    PORTS_PACKAGE + ".BackbonePortObject", PORTS_PACKAGE + ".BackbonePortSpec", true),
            new PortType(NodeCatalog.PortKind.EMBEDDINGS, "CrossDefect Patch Embeddings", "#8E6FB5",
                    PORTS_PACKAGE + ".EmbeddingsPortObject", PORTS_PACKAGE + ".BackbonePortSpec", true),
            new PortType(NodeCatalog.PortKind.MODEL, "CrossDefect Model", "#C0504D",
                    PORTS_PACKAGE + ".ModelPortObject", PORTS_PACKAGE + ".ModelPortSpec", false));

    private NodeDescriptions() {
    }

    /** @return the node description file of a node */
    public static String xml(NodeCatalog.Node node) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<knimeNode icon=\"./").append(ICON).append("\" type=\"").append(node.type()).append("\" xmlns=\"")
                .append(NAMESPACE).append("\"\n        xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                        + "        xsi:schemaLocation=\"").append(NAMESPACE).append(' ').append(NAMESPACE)
                .append(".xsd\">\n");
        x.append("    <name>").append(text(node.name())).append("</name>\n");
        x.append("    <shortDescription>").append(text(node.shortDescription())).append("</shortDescription>\n");
        x.append("    <fullDescription>\n");
        x.append("        <intro>\n            <p>").append(text(node.intro())).append("</p>\n");
        if (node.method() != null || node.id().equals("DomainSplitReader") || node.id().equals("DomainBenchmark")) {
            x.append("            <p>From the paper: ").append(text(NodeCatalog.PAPER)).append(".</p>\n");
        }
        x.append("            <p>Every setting can be set by a flow variable of the same name. Bad values are named "
                + "when the node is configured.</p>\n");
        x.append("        </intro>\n");
        for (Parameter p : node.parameters()) {
            x.append("        <option name=\"").append(attribute(p.key())).append("\">").append(text(p.description()))
                    .append(" Default: ").append(p.defaultValue().isEmpty() ? "empty" : text(p.defaultValue()))
                    .append(".</option>\n");
        }
        x.append("    </fullDescription>\n");
        x.append("    <ports>\n");
        for (int i = 0; i < node.inputs().size(); i++) {
            port(x, "inPort", i, node.inputs().get(i));
        }
        for (int i = 0; i < node.outputs().size(); i++) {
            port(x, "outPort", i, node.outputs().get(i));
        }
        x.append("    </ports>\n");
        x.append("</knimeNode>\n");
        return x.toString();
    }

    private static void port(StringBuilder x, String element, int index, NodeCatalog.Port port) {
        x.append("        <").append(element).append(" index=\"").append(index).append("\" name=\"")
                .append(attribute(port.name())).append("\">").append(text(port.description()));
        if (!port.columns().isEmpty()) {
            x.append(" Columns:\n            <ul>\n");
            for (Column c : port.columns()) {
                x.append("                <li><b>").append(text(c.name())).append("</b> (")
                        .append(c.type().name().toLowerCase()).append("): ").append(text(c.description()))
                        .append("</li>\n");
            }
            x.append("            </ul>\n        ");
        }
        x.append("</").append(element).append(">\n");
    }

    /** @return the node bundle's plugin.xml: the category, every node and the port types */
    public static String pluginXml(List<NodeCatalog.Node> nodes) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?eclipse version=\"3.4\"?>\n");
        x.append("<!-- Rendered from org.crossdefect.core.nodes.NodeCatalog; NodeFilesTest keeps it equal. -->\n");
        x.append("<plugin>\n");
        x.append("   <extension point=\"org.knime.workbench.repository.categories\">\n");
        x.append("      <category level-id=\"crossdefect\" name=\"Known-Defect Detection\" path=\"/community\"\n"
                + "            icon=\"icons/").append(ICON).append("\"\n"
                + "            description=\"CrossDefect: known kinds of defects on kinds of objects never seen.\"/>\n");
        x.append("   </extension>\n");
        x.append("   <extension point=\"org.knime.workbench.repository.nodes\">\n");
        for (NodeCatalog.Node n : nodes) {
            x.append("      <node factory-class=\"").append(n.factoryClass()).append("\" category-path=\"")
                    .append(NodeCatalog.CATEGORY_PATH).append("\"/>\n");
        }
        x.append("   </extension>\n");
        x.append("   <extension point=\"org.knime.core.PortType\">\n");
        for (PortType p : PORT_TYPES) {
            x.append("      <portType name=\"").append(p.name()).append("\" color=\"").append(p.color())
                    .append("\" hidden=\"false\"\n            objectClass=\"").append(p.objectClass())
                    .append("\" objectSerializer=\"").append(p.objectClass()).append("$Serializer\"\n"
                            + "            specClass=\"").append(p.specClass()).append("\" specSerializer=\"")
                    .append(p.specClass()).append("$Serializer\"/>\n");
        }
        x.append("   </extension>\n");
        x.append("</plugin>\n");
        return x.toString();
    }

    static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String attribute(String s) {
        return text(s).replace("\"", "&quot;");
    }
}
