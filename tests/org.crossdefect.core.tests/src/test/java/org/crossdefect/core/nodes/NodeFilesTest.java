package org.crossdefect.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.workspace.MethodRegistry;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The node bundle's descriptions and plugin.xml are the catalog's rendering, to the byte, and
 * every node has its factory class. Run with {@code -Dcrossdefect.writeNodeFiles=true} to write
 * them after changing the catalog.
 */
class NodeFilesTest {

    static final Path BUNDLE = Path.of("../../bundles/org.crossdefect.knime").toAbsolutePath().normalize();
    static final Path NODES = BUNDLE.resolve("src/org/crossdefect/knime/nodes");
    static final List<NodeCatalog.Node> CATALOG = NodeCatalog.nodes(MethodRegistry.builtIn());

    @Test
    void descriptionsAndPluginXmlAreTheCatalogsRendering() throws Exception {
        boolean write = Boolean.getBoolean("crossdefect.writeNodeFiles");
        List<String> stale = new ArrayList<>();
        for (NodeCatalog.Node node : CATALOG) {
            check(NODES.resolve(node.id() + "NodeFactory.xml"), NodeDescriptions.xml(node), write, stale);
            assertTrue(Files.isRegularFile(NODES.resolve(node.id() + "NodeFactory.java")), node.id() + " factory");
        }
        check(BUNDLE.resolve("plugin.xml"), NodeDescriptions.pluginXml(CATALOG), write, stale);
        assertTrue(stale.isEmpty(), "out of date (regenerate with -Dcrossdefect.writeNodeFiles=true): " + stale);
    }

    private static void check(Path file, String expected, boolean write, List<String> stale) throws Exception {
        if (write) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
            stale.add(file.getFileName().toString());
        }
    }

    @Test
    void everyDescriptionIsWellFormedAndExplainsEveryOptionAndPort() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Set<String> names = new HashSet<>();
        for (NodeCatalog.Node node : CATALOG) {
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    NodeDescriptions.xml(node).getBytes(StandardCharsets.UTF_8)));
            assertEquals(NodeDescriptions.NAMESPACE, doc.getDocumentElement().getNamespaceURI());
            NodeList options = doc.getElementsByTagNameNS(NodeDescriptions.NAMESPACE, "option");
            Set<String> described = new HashSet<>();
            for (int i = 0; i < options.getLength(); i++) {
                described.add(options.item(i).getAttributes().getNamedItem("name").getNodeValue());
                assertTrue(options.item(i).getTextContent().length() > 20, node.id() + ": an option explained");
            }
            for (Parameter p : node.parameters()) {
                assertTrue(described.contains(p.key()), node.id() + " describes " + p.key());
            }
            assertEquals(node.inputs().size(), doc.getElementsByTagNameNS(NodeDescriptions.NAMESPACE, "inPort")
                    .getLength());
            assertEquals(node.outputs().size(), doc.getElementsByTagNameNS(NodeDescriptions.NAMESPACE, "outPort")
                    .getLength());
            assertTrue(names.add(node.name()), "node names are unique: " + node.name());
        }
        assertEquals(26, CATALOG.size(), "4 data/backbone nodes, 10 learners (3 strict, 7 k-shot), 10 predictors, "
                + "scorer, benchmark");
    }
}
