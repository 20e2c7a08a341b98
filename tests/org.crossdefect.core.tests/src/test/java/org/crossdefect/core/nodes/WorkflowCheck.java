package org.crossdefect.core.nodes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.crossdefect.core.nodes.NodeCatalog.PortKind;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.workspace.MethodRegistry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A structural check of shipped KNIME workflows that knows nothing of how they were written: it
 * parses a workflow folder's files (or a .knwf) as KNIME would read them and reports every
 * problem it finds, so a hand edit, a renamed setting or a changed port breaks a test.
 *
 * <p>Checked: every node's settings.xml is where workflow.knime says; its factory is one of ours
 * (from the {@link NodeCatalog}) or one of the few KNIME factories we use, from the right bundle;
 * every connection joins existing nodes and existing ports of the same kind; every required
 * input of our nodes is connected exactly once (no input twice); our nodes' model settings are
 * exactly the catalog's keys, with values the engine's settings function for that node accepts
 * (as the node model's configure calls it); no stray files; a .knwf holds exactly its folder.
 */
final class WorkflowCheck {

    static final String XMLCONFIG = "http://www.knime.org/2008/09/XMLConfig";
    static final String OUR_BUNDLE = "org.crossdefect.knime";
    static final Set<String> META_FILES = Set.of("workflow.knime", "workflowset.meta", "workflow-metadata.xml",
            "workflow.svg");

    /** A KNIME node we use: its bundle, ports and the model keys its settings must hold. */
    record KnimeNode(String bundle, List<PortKind> inputs, List<PortKind> outputs, List<String> modelKeys) {
    }

    /** The KNIME (not CrossDefect) factories shipped workflows may use. */
    static final Map<String, KnimeNode> KNIME_NODES = Map.of(
            "org.knime.ext.poi3.node.io.filehandling.excel.writer.ExcelTableWriterNodeFactory",
            new KnimeNode("org.knime.ext.poi3", List.of(PortKind.TABLE), List.of(), List.of("excel_format",
                    "file_selection", "sheet_names", "if_sheet_exists", "write_row_key", "write_column_header",
                    "skip_column_header_on_append", "replace_missings", "missing_value_pattern", "evaluate_formulas",
                    "autosize_columns", "layout", "paper_size", "open_file_after_exec_Internals",
                    "authentication_method")));

    private static final Pattern NODE_FOLDER = Pattern.compile("(.+) \\(#(\\d+)\\)");

    private final MethodRegistry methods;
    private final Map<String, NodeCatalog.Node> catalog = new HashMap<>();

    WorkflowCheck(MethodRegistry methods) {
        this.methods = methods;
        NodeCatalog.nodes(methods).forEach(n -> catalog.put(n.factoryClass(), n));
    }

    // ---- reading -----------------------------------------------------------------------------

    /** @return the files of a workflow folder, by '/'-separated path relative to it */
    static Map<String, byte[]> readFolder(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** A .knwf's content: its single top folder's name and files. */
    record Knwf(String top, Map<String, byte[]> files, List<String> problems) {
    }

    static Knwf readKnwf(byte[] zip) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> files = new TreeMap<>();
        Set<String> tops = new TreeSet<>();
        Set<String> folders = new TreeSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                String name = e.getName();
                int slash = name.indexOf('/');
                if (slash <= 0 || name.startsWith("/") || name.contains("\\") || name.contains("../")) {
                    problems.add("zip entry '" + name + "' is not inside one top folder");
                    continue;
                }
                tops.add(name.substring(0, slash));
                String inside = name.substring(slash + 1);
                if (e.isDirectory()) {
                    folders.add(inside);
                } else if (files.put(inside, in.readAllBytes()) != null) {
                    problems.add("zip entry '" + name + "' twice");
                }
            }
        }
        if (tops.size() != 1) {
            problems.add("the .knwf has " + tops.size() + " top folders " + tops + "; it must have exactly one");
        }
        for (String folder : folders) {
            if (!folder.isEmpty() && files.keySet().stream().noneMatch(f -> f.startsWith(folder))) {
                problems.add("the .knwf has an empty folder '" + folder + "'");
            }
        }
        return new Knwf(tops.isEmpty() ? "" : tops.iterator().next(), files, problems);
    }

    /** An XMLConfig element: a config (entries and sub-configs in order) or an entry. */
    record X(String key, boolean config, String type, String value, boolean isNull, List<X> children) {

        X child(String k) {
            return children.stream().filter(c -> c.key().equals(k)).findFirst().orElse(null);
        }

        String string(String k) {
            X e = child(k);
            return e == null || e.config() || e.isNull() ? null : e.value();
        }
    }

    static X parseConfig(byte[] xml, String expectedRootKey) {
        Element root = parse(xml).getDocumentElement();
        if (!XMLCONFIG.equals(root.getNamespaceURI()) || !"config".equals(root.getLocalName())) {
            throw new IllegalArgumentException("not a KNIME XMLConfig: root element " + root.getTagName());
        }
        X x = toX(root);
        if (!expectedRootKey.equals(x.key())) {
            throw new IllegalArgumentException("root key '" + x.key() + "', expected '" + expectedRootKey + "'");
        }
        return x;
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler());
            return b.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static X toX(Element el) {
        List<X> children = new ArrayList<>();
        for (Node n = el.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if (!XMLCONFIG.equals(child.getNamespaceURI())) {
                    throw new IllegalArgumentException("element " + child.getTagName() + " outside XMLConfig");
                }
                children.add(toX(child));
            }
        }
        String key = el.getAttribute("key");
        return switch (el.getLocalName()) {
            case "config" -> new X(key, true, null, null, false, children);
            case "entry" -> new X(key, false, el.getAttribute("type"), el.getAttribute("value"),
                    "true".equals(el.getAttribute("isnull")), List.of());
            default -> throw new IllegalArgumentException("unknown element " + el.getTagName());
        };
    }

    // ---- checking ----------------------------------------------------------------------------

    /** One node as workflow.knime and its settings.xml describe it. */
    private record Placed(int id, String name, List<PortKind> inputs, List<Boolean> optional, List<PortKind> outputs,
            NodeCatalog.Node ours, Map<String, String> values) {
    }

    /** @return every problem of a workflow's files; empty when it is sound */
    List<String> check(String workflow, Map<String, byte[]> files) {
        List<String> problems = new ArrayList<>();
        try {
            checkInto(files, problems);
        } catch (RuntimeException e) {
            problems.add("cannot read: " + e.getMessage());
        }
        return problems.stream().map(p -> workflow + ": " + p).toList();
    }

    private void checkInto(Map<String, byte[]> files, List<String> problems) {
        byte[] workflowKnime = files.get("workflow.knime");
        if (workflowKnime == null) {
            problems.add("no workflow.knime");
            return;
        }
        for (String meta : List.of("workflowset.meta", "workflow-metadata.xml")) {
            if (files.containsKey(meta)) {
                parse(files.get(meta));
            }
        }
        X wf = parseConfig(workflowKnime, "workflow.knime");
        if (wf.string("version") == null || wf.string("created_by") == null) {
            problems.add("workflow.knime lacks version or created_by");
        }
        X nodesCfg = wf.child("nodes");
        if (nodesCfg == null || !nodesCfg.config()) {
            problems.add("workflow.knime has no nodes config");
            return;
        }
        Map<Integer, Placed> nodes = new LinkedHashMap<>();
        Set<String> referenced = new TreeSet<>(META_FILES);
        for (X n : nodesCfg.children()) {
            Placed placed = node(n, files, referenced, problems);
            if (placed != null && nodes.put(placed.id(), placed) != null) {
                problems.add("node id " + placed.id() + " twice");
            }
        }
        for (String f : files.keySet()) {
            if (!referenced.contains(f)) {
                problems.add("stray file '" + f + "' (no node's settings file)");
            }
        }
        Map<String, Integer> connected = connections(wf.child("connections"), nodes, problems);
        for (Placed p : nodes.values()) {
            for (int port = 1; port <= p.inputs().size(); port++) {
                int times = connected.getOrDefault(p.id() + ":" + port, 0);
                boolean optional = p.optional().get(port - 1);
                if (times > 1 || (times == 0 && !optional)) {
                    problems.add(label(p) + ": input " + port + " is connected " + times + " times; it needs "
                            + (optional ? "at most one" : "exactly one") + " connection");
                }
            }
            if (p.ours() != null && p.values() != null) {
                checkValues(p, connected.getOrDefault(p.id() + ":1", 0) > 0, problems);
            }
        }
    }

    private Placed node(X n, Map<String, byte[]> files, Set<String> referenced, List<String> problems) {
        String idText = n.string("id");
        String settingsFile = n.string("node_settings_file");
        if (idText == null || settingsFile == null) {
            problems.add("nodes/" + n.key() + " lacks id or node_settings_file");
            return null;
        }
        int id = Integer.parseInt(idText);
        if (!("node_" + id).equals(n.key())) {
            problems.add("nodes/" + n.key() + " holds node id " + id);
        }
        if (!"NativeNode".equals(n.string("node_type")) || !"false".equals(n.string("node_is_meta"))) {
            problems.add("node #" + id + " is not a native node");
        }
        X uiSettings = n.child("ui_settings");
        X bounds = uiSettings == null ? null : uiSettings.child("extrainfo.node.bounds");
        if (bounds == null || !"4".equals(bounds.string("array-size"))) {
            problems.add("node #" + id + " has no bounds (4 ints)");
        }
        referenced.add(settingsFile);
        String folder = settingsFile.endsWith("/settings.xml")
                ? settingsFile.substring(0, settingsFile.length() - "/settings.xml".length()) : null;
        Matcher m = folder == null ? null : NODE_FOLDER.matcher(folder);
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != id) {
            problems.add("node #" + id + ": settings file '" + settingsFile + "' is not '<name> (#" + id
                    + ")/settings.xml'");
        }
        byte[] bytes = files.get(settingsFile);
        if (bytes == null) {
            problems.add("node #" + id + ": its settings file '" + settingsFile + "' is missing");
            return null;
        }
        X s = parseConfig(bytes, "settings.xml");
        String factory = s.string("factory");
        String name = s.string("name");
        String bundle = s.string("node-bundle-symbolic-name");
        if (m != null && m.matches() && name != null && !m.group(1).equals(name.replaceAll("[^A-Za-z0-9 ]", "_"))) {
            problems.add("node #" + id + ": folder '" + folder + "' does not match its name '" + name + "'");
        }
        X model = s.child("model");
        if (model == null || !model.config()) {
            problems.add("node #" + id + " (" + name + ") has no model settings");
            return null;
        }
        NodeCatalog.Node ours = catalog.get(factory);
        if (ours != null) {
            if (!OUR_BUNDLE.equals(bundle)) {
                problems.add("node #" + id + " (" + name + "): bundle '" + bundle + "', expected " + OUR_BUNDLE);
            }
            if (!ours.name().equals(s.string("node-name")) || !ours.name().equals(name)) {
                problems.add("node #" + id + ": named '" + name + "', the catalog names it '" + ours.name() + "'");
            }
            Placed p = new Placed(id, ours.name(), ours.inputs().stream().map(NodeCatalog.Port::kind).toList(),
                    ours.inputs().stream().map(NodeCatalog.Port::optional).toList(),
                    ours.outputs().stream().map(NodeCatalog.Port::kind).toList(), ours, null);
            Map<String, String> values = modelValues(p, model, problems);
            return new Placed(id, p.name(), p.inputs(), p.optional(), p.outputs(), ours, values);
        }
        KnimeNode knime = KNIME_NODES.get(factory);
        if (knime == null) {
            problems.add("node #" + id + " (" + name + "): factory '" + factory + "' is neither a CrossDefect node "
                    + "nor one of the KNIME nodes we use " + new TreeSet<>(KNIME_NODES.keySet()));
            return null;
        }
        if (!knime.bundle().equals(bundle)) {
            problems.add("node #" + id + " (" + name + "): bundle '" + bundle + "', expected " + knime.bundle());
        }
        for (String key : knime.modelKeys()) {
            if (model.child(key) == null) {
                problems.add("node #" + id + " (" + name + "): model setting '" + key + "' missing");
            }
        }
        return new Placed(id, name, knime.inputs(), knime.inputs().stream().map(k -> false).toList(),
                knime.outputs(), null, null);
    }

    /**
     * Our model: for each parameter a {@code <key>_Internals} config (SMID_string) and an xstring
     * entry {@code <key>}; nothing else.
     *
     * @return the values, or null when the keys are not exactly the catalog's
     */
    private static Map<String, String> modelValues(Placed p, X model, List<String> problems) {
        List<String> keys = p.ours().parameters().stream().map(Parameter::key).toList();
        Map<String, String> values = new LinkedHashMap<>();
        boolean exact = true;
        for (X c : model.children()) {
            String key = c.key();
            if (c.config() && key.endsWith("_Internals")
                    && keys.contains(key.substring(0, key.length() - "_Internals".length()))) {
                if (!"SMID_string".equals(c.string("SettingsModelID"))) {
                    problems.add(label(p) + ": settings '" + key + "' is not a string model's");
                }
                continue;
            }
            if (c.config() || !keys.contains(key)) {
                problems.add(label(p) + ": unknown settings key '" + key + "' (its settings are " + keys + ")");
                exact = false;
            } else if (!"xstring".equals(c.type()) || c.isNull()) {
                problems.add(label(p) + ": setting '" + key + "' is not a string (type " + c.type() + ")");
                exact = false;
            } else if (values.put(key, c.value()) != null) {
                problems.add(label(p) + ": setting '" + key + "' twice");
                exact = false;
            }
        }
        for (String key : keys) {
            if (!values.containsKey(key)) {
                problems.add(label(p) + ": setting '" + key + "' missing");
                exact = false;
            }
        }
        return exact ? values : null;
    }

    /** The engine's settings function of each node, called as the node model's configure does. */
    private void checkValues(Placed p, boolean firstInputConnected, List<String> problems) {
        Parameters values = Parameters.of(p.values());
        NodeCatalog.Node node = p.ours();
        try {
            switch (node.id()) {
                case "SyntheticDefectData" -> SyntheticDataNode.settings(values);
                case "DomainSplitReader" -> {
                    boolean fromInput = values.text(DomainSplitReaderNode.ROOT).isBlank();
                    if (fromInput && !firstInputConnected) {
                        problems.add(label(p) + ": the root is empty but no Datasets table is connected");
                    }
                    DomainSplitReaderNode.settings(fromInput ? values.with(DomainSplitReaderNode.ROOT.key(), "input")
                            : values);
                }
                case "BackboneLoader" -> BackboneLoaderNode.spec(values);
                case "PatchEmbedder" -> PatchEmbedderNode.settings(values);
                case "AnomalyScorer" -> AnomalyScorerNode.targetGood(values);
                case "DomainBenchmark" -> DomainBenchmarkNode.settings(methods, values);
                default -> {
                    if ("Learner".equals(node.type())) {
                        LearnerNode.check(methods, node.method(), values);
                    } else if ("Predictor".equals(node.type())) {
                        PredictorNode.settings(values);
                    } else {
                        problems.add(label(p) + ": no settings check for node " + node.id() + " (add it here)");
                    }
                }
            }
        } catch (RuntimeException e) {
            problems.add(label(p) + ": the engine rejects its settings: " + e.getMessage());
        }
    }

    /** @return how often each input "id:port" is connected */
    private static Map<String, Integer> connections(X cfg, Map<Integer, Placed> nodes, List<String> problems) {
        Map<String, Integer> connected = new HashMap<>();
        if (cfg == null) {
            return connected;
        }
        for (X c : cfg.children()) {
            int[] v = new int[4];
            String[] keys = {"sourceID", "sourcePort", "destID", "destPort"};
            try {
                for (int i = 0; i < 4; i++) {
                    v[i] = Integer.parseInt(c.string(keys[i]));
                }
            } catch (RuntimeException e) {
                problems.add("connections/" + c.key() + " lacks " + Arrays.toString(keys));
                continue;
            }
            String what = "connection " + v[0] + ":" + v[1] + " -> " + v[2] + ":" + v[3];
            Placed source = nodes.get(v[0]);
            Placed dest = nodes.get(v[2]);
            if (source == null || dest == null) {
                problems.add(what + " joins a node that does not exist");
                continue;
            }
            if (v[1] < 1 || v[1] > source.outputs().size()) {
                problems.add(what + ": " + label(source) + " has no output port " + v[1] + " (data ports 1.."
                        + source.outputs().size() + ")");
                continue;
            }
            if (v[3] < 1 || v[3] > dest.inputs().size()) {
                problems.add(what + ": " + label(dest) + " has no input port " + v[3] + " (data ports 1.."
                        + dest.inputs().size() + ")");
                continue;
            }
            PortKind from = source.outputs().get(v[1] - 1);
            PortKind to = dest.inputs().get(v[3] - 1);
            if (from != to) {
                problems.add(what + ": port kind mismatch, " + label(source) + " gives " + from + " but "
                        + label(dest) + " takes " + to);
            }
            connected.merge(v[2] + ":" + v[3], 1, Integer::sum);
        }
        return connected;
    }

    private static String label(Placed p) {
        return "node #" + p.id() + " (" + p.name() + ")";
    }
}
