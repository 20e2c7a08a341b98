package org.crossdefect.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.crossdefect.core.nodes.NodeCatalog;
import org.crossdefect.core.nodes.NodeDescriptions;
import org.crossdefect.core.workspace.MethodRegistry;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The built node bundle (its jar on the class path): plugin.xml lists every node and port type,
 * and each factory class, its description file and the port classes with their serializers
 * load as resources from the bundle. Classes are loaded without initialising them: their static
 * parts call KNIME, which only runs inside KNIME.
 */
class NodeBundleTest {

    static final List<NodeCatalog.Node> NODES = NodeCatalog.nodes(MethodRegistry.builtIn());

    static Document xml(String resource) throws Exception {
        try (InputStream in = NodeBundleTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is in the bundle");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(in);
        }
    }

    static Class<?> load(String name) throws Exception {
        return Class.forName(name, false, NodeBundleTest.class.getClassLoader());
    }

    @Test
    void pluginXmlListsEveryNodeAndPortType() throws Exception {
        Document plugin = xml("plugin.xml");
        NodeList nodes = plugin.getElementsByTagName("node");
        Set<String> factories = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element) nodes.item(i);
            factories.add(node.getAttribute("factory-class"));
            assertEquals(NodeCatalog.CATEGORY_PATH, node.getAttribute("category-path"));
        }
        assertEquals(NODES.size(), factories.size());
        for (NodeCatalog.Node n : NODES) {
            assertTrue(factories.contains(n.factoryClass()), n.factoryClass());
        }
        NodeList ports = plugin.getElementsByTagName("portType");
        assertEquals(NodeDescriptions.PORT_TYPES.size(), ports.getLength());
        for (int i = 0; i < ports.getLength(); i++) {
            Element p = (Element) ports.item(i);
            for (String attribute : List.of("objectClass", "objectSerializer", "specClass", "specSerializer")) {
                assertNotNull(load(p.getAttribute(attribute)), attribute + " " + p.getAttribute(attribute));
            }
        }
        assertNotNull(NodeBundleTest.class.getClassLoader().getResource("icons/" + NodeDescriptions.ICON));
    }

    @Test
    void everyFactoryAndItsDescriptionLoad() throws Exception {
        for (NodeCatalog.Node n : NODES) {
            Class<?> factory = load(n.factoryClass());
            assertTrue(NodeFactory.class.isAssignableFrom(factory), n.factoryClass());
            assertNotNull(factory.getConstructor(), "KNIME creates factories with their public no-arg constructor");
            String path = n.factoryClass().replace('.', '/');
            Document description = xml(path + ".xml");
            assertEquals(NodeDescriptions.NAMESPACE, description.getDocumentElement().getNamespaceURI());
            assertEquals(n.name(), description.getElementsByTagNameNS(NodeDescriptions.NAMESPACE, "name").item(0)
                    .getTextContent());
            String icon = description.getDocumentElement().getAttribute("icon").replace("./", "");
            assertNotNull(factory.getResource(icon), n.id() + " icon " + icon);
        }
    }
}
