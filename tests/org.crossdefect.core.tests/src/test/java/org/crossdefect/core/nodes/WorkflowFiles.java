package org.crossdefect.core.nodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.crossdefect.core.model.Method;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.workspace.MethodRegistry;

/**
 * The shipped KNIME workflows ({@code workflows/} at the repository root), rendered from the
 * {@link NodeCatalog}: one example per method and the benchmark, each as a workflow folder in
 * KNIME 5.4's on-disk format and as its {@code .knwf} export. The output is deterministic (fixed
 * dates, stored zip entries with a fixed time), so the committed files equal a fresh rendering.
 *
 * <p>The layout follows workflows saved by KNIME 5.2 to 5.8 (all write the workflow format
 * version 5.1.0): {@code workflow.knime}, {@code workflowset.meta} (the auto-generated legacy
 * file), {@code workflow-metadata.xml} and one {@code <Node name> (#<id>)/settings.xml} per node,
 * with every node idle (KNIME configures them on load). Our nodes' {@code model} holds what
 * CrossDefectNodeModel saves: one SettingsModelString per parameter ({@code <key>_Internals}
 * with SMID_string, then the xstring entry). The Excel Writer's settings copy the layout KNIME
 * 5.2.2 to 5.6.0 save for that node (knime-excel's classic dialog), with our path and sheet name.
 */
final class WorkflowFiles {

    static final String XMLCONFIG = "http://www.knime.org/2008/09/XMLConfig";
    static final String KNIME_VERSION = "5.4.0";
    /** The workflow format version every KNIME since 5.1 writes. */
    static final String WORKFLOW_FORMAT = "5.1.0";
    static final String AUTHOR = "CrossDefect";
    static final String AUTHORED_WHEN = "2025-06-01 12:00:00 +0000";
    static final String LAST_MODIFIED = "2025-06-01T12:00:00.000+00:00";
    static final LocalDateTime ZIP_TIME = LocalDateTime.of(2025, 6, 1, 12, 0, 0);

    static final String WORKFLOW_KNIME = "workflow.knime";
    static final String WORKFLOWSET_META = "workflowset.meta";
    static final String WORKFLOW_METADATA = "workflow-metadata.xml";
    static final String SETTINGS_XML = "settings.xml";

    /** The bundle and feature a node's settings.xml names (KNIME's NodeAndBundleInformation). */
    record Bundle(String name, String symbolicName, String vendor, String version, String featureName,
            String featureSymbolicName, String featureVendor, String featureVersion) {
    }

    /** Our nodes: bundle org.crossdefect.knime in feature org.crossdefect.feature (its label). */
    static final Bundle CROSSDEFECT = new Bundle("CrossDefect KNIME Nodes", "org.crossdefect.knime", "CrossDefect",
            "0.1.0.qualifier", "CrossDefect: known defects on unseen objects", "org.crossdefect.feature.feature.group",
            "CrossDefect", "0.1.0.qualifier");
    /** KNIME's Excel support (knime-excel), as a 5.4 installation names it. */
    static final Bundle KNIME_EXCEL = new Bundle("KNIME POI (Excel) Plug-in", "org.knime.ext.poi3",
            "KNIME AG, Zurich, Switzerland", KNIME_VERSION, "KNIME Excel Support",
            "org.knime.features.ext.poi.feature.group", "KNIME AG, Zurich, Switzerland", KNIME_VERSION);

    static final String EXCEL_WRITER_FACTORY =
            "org.knime.ext.poi3.node.io.filehandling.excel.writer.ExcelTableWriterNodeFactory";
    static final String EXCEL_WRITER_NAME = "Excel Writer";
    /** Where the benchmark workflow writes its table: beside the workflow folder. */
    static final String BENCHMARK_XLSX = "../crossdefect-benchmark.xlsx";
    static final String BENCHMARK_SHEET = "Image AUROC";

    /**
     * One node of a workflow.
     *
     * @param model the node's {@code model} settings (mutable, for tests that break a workflow)
     * @param outputs how many data outputs the node has (the flow-variable port not counted)
     * @param creationConfig the {@code node_creation_config} of a node with port groups, or null
     */
    record WorkflowNode(int id, String name, String factory, Bundle bundle, Cfg model, int outputs,
            Cfg creationConfig, int x, int y) {

        String folder() {
            return nodeFolder(name, id);
        }
    }

    /** Ports count the hidden flow-variable port as 0: a node's first data port is 1. */
    record Connection(int sourceId, int sourcePort, int destId, int destPort) {
    }

    record Workflow(String name, String description, List<WorkflowNode> nodes, List<Connection> connections) {
        Workflow {
            nodes = List.copyOf(nodes);
            connections = List.copyOf(connections);
        }

        WorkflowNode node(int id) {
            return nodes.stream().filter(n -> n.id() == id).findFirst().orElseThrow();
        }
    }

    private WorkflowFiles() {
    }

    /** @return KNIME's folder name of a node: characters other than letters, digits and spaces become _ */
    static String nodeFolder(String name, int id) {
        return name.replaceAll("[^A-Za-z0-9 ]", "_") + " (#" + id + ")";
    }

    static String exampleName(Method<?> method) {
        return "CrossDefect " + method.title() + " example";
    }

    static final String BENCHMARK_NAME = "CrossDefect Domain Benchmark";

    /** @return one example per method, in the registry's order, then the benchmark */
    static List<Workflow> workflows(MethodRegistry methods) {
        List<NodeCatalog.Node> catalog = NodeCatalog.nodes(methods);
        List<Workflow> workflows = new ArrayList<>();
        for (Method<?> m : NodeCatalog.nodeMethods(methods)) {
            workflows.add(example(catalog, m));
        }
        workflows.add(benchmark(catalog, methods));
        return workflows;
    }

    static Workflow example(List<NodeCatalog.Node> catalog, Method<?> method) {
        String title = method.title();
        List<WorkflowNode> nodes = List.of(
                ours(1, byId(catalog, "SyntheticDefectData"), Map.of(), 50, 80),
                ours(2, byId(catalog, "DomainSplitReader"), Map.of("root", "", "dataset", "hole", "target", "wood"),
                        200, 80),
                ours(3, byId(catalog, "BackboneLoader"), Map.of("backbone", "mobilenet_v1", "weights", ""), 200, 200),
                ours(4, byId(catalog, "PatchEmbedder"), Map.of(), 350, 140),
                ours(5, byMethod(catalog, "Learner", method.id()), Map.of(), 500, 80),
                ours(6, byMethod(catalog, "Predictor", method.id()), Map.of(), 650, 140),
                ours(7, byId(catalog, "AnomalyScorer"), Map.of(), 800, 140));
        List<Connection> connections = List.of(
                new Connection(1, 1, 2, 1), // Datasets -> Domain Split Reader's optional Datasets input
                new Connection(3, 1, 4, 1), // Backbone
                new Connection(2, 1, 4, 2), // Images
                new Connection(4, 1, 5, 1), // Patch Embeddings -> Learner
                new Connection(5, 1, 6, 1), // CrossDefect Model -> Predictor
                new Connection(4, 1, 6, 2), // Patch Embeddings -> Predictor
                new Connection(6, 1, 7, 1)); // Predictions -> Anomaly Scorer
        String description = "CrossDefect example: " + title + " on the synthetic data, no data of your own needed. "
                + "Synthetic Defect Data writes (or reuses) the demo tree ~/.crossdefect/demo-data; the Domain Split "
                + "Reader takes its root and the mapping file of the dataset hole from that table and holds out wood "
                + "as the unseen target (train on the other categories, predict wood's test images); the Backbone "
                + "Loader loads MobileNetV1 from the weights folder (-Dcrossdefect.weights.dir, "
                + "$CROSSDEFECT_WEIGHTS_DIR or ~/.crossdefect/weights); the Patch Embedder embeds every image once; "
                + "the " + title + " Learner trains, the " + title + " Predictor scores the test and validation "
                + "images and the Anomaly Scorer gives image AUROC, pixel AUROC and F1 per threshold rule.";
        return new Workflow(exampleName(method), description, nodes, connections);
    }

    static Workflow benchmark(List<NodeCatalog.Node> catalog, MethodRegistry methods) {
        List<String> titles = methods.methods().stream().filter(m -> !m.finetunesBackbone()).map(Method::title).toList();
        List<WorkflowNode> nodes = List.of(
                ours(1, byId(catalog, "SyntheticDefectData"), Map.of(), 50, 100),
                ours(2, byId(catalog, "DomainBenchmark"), Map.of("methods", "", "seeds", "1"), 200, 100),
                excelWriter(3, BENCHMARK_XLSX, BENCHMARK_SHEET, 350, 100));
        List<Connection> connections = List.of(
                new Connection(1, 1, 2, 1), // Datasets -> Domain Benchmark
                new Connection(2, 1, 3, 1)); // Image AUROC -> Excel Writer
        String description = "The paper's protocol on the synthetic data (~/.crossdefect/demo-data, written by "
                + "Synthetic Defect Data): the Domain Benchmark runs every default method (" + String.join(", ", titles)
                + "; the MIRO methods, which fine-tune the backbone, run when named in its methods setting) with each category of each dataset (hole, cut, color) in turn as the unseen target, with one "
                + "seed, on MobileNetV1 from the weights folder; KNIME's Excel Writer writes its image AUROC table "
                + "(the shape of the paper's Table 4) to crossdefect-benchmark.xlsx beside this workflow, replacing "
                + "an earlier one.";
        return new Workflow(BENCHMARK_NAME, description, nodes, connections);
    }

    static NodeCatalog.Node byId(List<NodeCatalog.Node> catalog, String id) {
        return catalog.stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id + " in the catalog"));
    }

    static NodeCatalog.Node byMethod(List<NodeCatalog.Node> catalog, String type, String method) {
        return catalog.stream().filter(n -> type.equals(n.type()) && method.equals(n.method())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type + " of " + method + " in the catalog"));
    }

    /** One of our nodes with its catalog defaults, the given settings on top. */
    static WorkflowNode ours(int id, NodeCatalog.Node node, Map<String, String> overrides, int x, int y) {
        Map<String, String> values = new LinkedHashMap<>();
        node.parameters().forEach(p -> values.put(p.key(), p.defaultValue()));
        for (Map.Entry<String, String> o : new TreeMap<>(overrides).entrySet()) {
            if (!values.containsKey(o.getKey())) {
                throw new IllegalArgumentException(node.name() + " has no setting " + o.getKey());
            }
            values.put(o.getKey(), o.getValue());
        }
        Cfg model = new Cfg("model");
        for (Parameter p : node.parameters()) {
            // SettingsModel.saveSettingsTo: the model's internals (id, enabled), then its value.
            model.internals(p.key(), "SMID_string", true);
            model.string(p.key(), values.get(p.key()));
        }
        return new WorkflowNode(id, node.name(), node.factoryClass(), CROSSDEFECT, model, node.outputs().size(), null,
                x, y);
    }

    /**
     * KNIME's Excel Writer with one input table, writing an .xlsx file relative to the workflow
     * (replacing an existing file). The settings are those KNIME 5.2.2 to 5.6.0 save for the node
     * ({@code ExcelTableWriterConfig.saveSettingsForModel}), changed only in path and sheet name.
     */
    static WorkflowNode excelWriter(int id, String workflowRelativePath, String sheet, int x, int y) {
        Cfg model = new Cfg("model");
        model.internals("excel_format", "SMID_string", true);
        model.string("excel_format", "XLSX");
        model.internals("file_selection", "SMID_WriterFileChooser", true);
        Cfg file = model.child("file_selection");
        Cfg chooser = file.child("file_system_chooser__Internals");
        chooser.bool("has_fs_port", false);
        chooser.bool("overwritten_by_variable", false);
        chooser.string("convenience_fs_category", "RELATIVE");
        chooser.string("relative_to", "knime.workflow");
        chooser.string("mountpoint", "LOCAL");
        chooser.string("spaceId", "");
        chooser.string("spaceName", "");
        chooser.integer("custom_url_timeout", 10000);
        chooser.bool("connected_fs", true);
        Cfg path = file.child("path");
        path.bool("location_present", true);
        path.string("file_system_type", "RELATIVE");
        path.string("file_system_specifier", "knime.workflow");
        path.string("path", workflowRelativePath);
        file.internals("filter_mode", "SMID_FilterMode", true);
        file.bool("create_missing_folders", false);
        file.string("if_path_exists", "overwrite");
        model.strings("sheet_names", List.of(sheet));
        // The dialog disables these two unless the file is appended to.
        model.internals("if_sheet_exists", "SMID_string", false);
        model.string("if_sheet_exists", "FAIL");
        model.internals("write_row_key", "SMID_boolean", true);
        model.bool("write_row_key", false);
        model.internals("write_column_header", "SMID_boolean", true);
        model.bool("write_column_header", true);
        model.internals("skip_column_header_on_append", "SMID_boolean", true);
        model.bool("skip_column_header_on_append", true);
        model.internals("replace_missings", "SMID_boolean", true);
        model.bool("replace_missings", false);
        model.internals("missing_value_pattern", "SMID_string", true);
        model.string("missing_value_pattern", "");
        model.internals("evaluate_formulas", "SMID_boolean", false);
        model.bool("evaluate_formulas", false);
        model.internals("autosize_columns", "SMID_boolean", true);
        model.bool("autosize_columns", false);
        model.internals("layout", "SMID_string", true);
        model.string("layout", "PORTRAIT");
        model.internals("paper_size", "SMID_string", true);
        model.string("paper_size", "A4_PAPERSIZE");
        model.internals("open_file_after_exec_Internals", "SMID_boolean", true);
        model.bool("open_file_after_exec_Internals", false);
        model.internals("authentication_method", "SMID_authentication", true);
        Cfg auth = model.child("authentication_method");
        auth.string("credentials", null);
        auth.string("username", null);
        auth.string("selectedType", "NONE");
        Cfg creation = new Cfg("node_creation_config");
        creation.child("File System Connection");
        creation.child("Sheet Input Ports"); // the fixed first sheet port is not listed
        return new WorkflowNode(id, EXCEL_WRITER_NAME, EXCEL_WRITER_FACTORY, KNIME_EXCEL, model, 0, creation, x, y);
    }

    // ---- rendering ----------------------------------------------------------------------------

    /** @return the workflow folder's files, by path relative to the folder ('/'-separated), sorted */
    static Map<String, byte[]> files(Workflow w) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(WORKFLOW_KNIME, utf8(workflowKnime(w).xml()));
        files.put(WORKFLOWSET_META, utf8(workflowsetMeta()));
        files.put(WORKFLOW_METADATA, utf8(workflowMetadata(w)));
        for (WorkflowNode n : w.nodes()) {
            files.put(n.folder() + "/" + SETTINGS_XML, utf8(nodeSettings(n).xml()));
        }
        return files;
    }

    static Cfg workflowKnime(Workflow w) {
        Cfg c = new Cfg(WORKFLOW_KNIME);
        c.string("created_by", KNIME_VERSION);
        c.bool("created_by_nightly", false);
        c.string("version", WORKFLOW_FORMAT);
        c.string("name", null);
        Cfg author = c.child("authorInformation");
        author.string("authored-by", AUTHOR);
        author.string("authored-when", AUTHORED_WHEN);
        author.string("lastEdited-by", AUTHOR);
        author.string("lastEdited-when", AUTHORED_WHEN);
        c.string("customDescription", null);
        c.string("state", "IDLE");
        c.child("workflow_credentials");
        Cfg nodes = c.child("nodes");
        for (WorkflowNode n : w.nodes()) {
            Cfg node = nodes.child("node_" + n.id());
            node.integer("id", n.id());
            node.string("node_settings_file", n.folder() + "/" + SETTINGS_XML);
            node.bool("node_is_meta", false);
            node.string("node_type", "NativeNode");
            node.string("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            node.child("ui_settings").ints("extrainfo.node.bounds", n.x(), n.y(), -1, -1);
        }
        Cfg connections = c.child("connections");
        for (int i = 0; i < w.connections().size(); i++) {
            Connection k = w.connections().get(i);
            Cfg conn = connections.child("connection_" + i);
            conn.integer("sourceID", k.sourceId());
            conn.integer("destID", k.destId());
            conn.integer("sourcePort", k.sourcePort());
            conn.integer("destPort", k.destPort());
        }
        return c;
    }

    static Cfg nodeSettings(WorkflowNode n) {
        Cfg c = new Cfg(SETTINGS_XML);
        c.string("node_file", SETTINGS_XML);
        c.child("flow_stack");
        c.child("internal_node_subsettings").string("memory_policy", "CacheSmallInMemory");
        c.add(n.model());
        c.string("customDescription", null);
        c.string("state", "IDLE");
        c.string("factory", n.factory());
        c.string("node-name", n.name());
        Bundle b = n.bundle();
        c.string("node-bundle-name", b.name());
        c.string("node-bundle-symbolic-name", b.symbolicName());
        c.string("node-bundle-vendor", b.vendor());
        c.string("node-bundle-version", b.version());
        c.string("node-feature-name", b.featureName());
        c.string("node-feature-symbolic-name", b.featureSymbolicName());
        c.string("node-feature-vendor", b.featureVendor());
        c.string("node-feature-version", b.featureVersion());
        c.child("factory_settings");
        if (n.creationConfig() != null) {
            c.add(n.creationConfig());
        }
        c.string("name", n.name());
        c.bool("hasContent", false);
        c.bool("isInactive", false);
        Cfg ports = c.child("ports");
        for (int i = 1; i <= n.outputs(); i++) {
            Cfg port = ports.child("port_" + i);
            port.integer("index", i);
            port.string("port_dir_location", null);
        }
        Cfg stores = c.child("filestores");
        stores.string("file_store_location", null);
        stores.string("file_store_id", null);
        return c;
    }

    /** The legacy metadata file KNIME 5 still writes (its content moved to workflow-metadata.xml). */
    static String workflowsetMeta() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!--This file is auto-generated and is overwritten each time the workflow is saved.\n"
                + "    The metadata have moved to the `workflow-metadata.xml` file.-->\n"
                + "<KNIMEMetaInfo nrOfElements=\"2\" xmlns=\"http://www.knime.org/2.9/metainfo\">\n"
                + "    <element form=\"multiline\" name=\"Comments\" read-only=\"false\"/>\n"
                + "    <element form=\"text\" name=\"Last Edited\" read-only=\"true\">" + AUTHORED_WHEN + "</element>\n"
                + "</KNIMEMetaInfo>";
    }

    static String workflowMetadata(Workflow w) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<workflow-metadata content-type=\"text/plain\" "
                + "xmlns=\"http://www.knime.org/core/node/workflow/metadata/v1.0\">\n"
                + "    <last-modified>" + LAST_MODIFIED + "</last-modified>\n"
                + "    <description>" + escape(w.description(), false) + "</description>\n"
                + "</workflow-metadata>";
    }

    /**
     * The .knwf export: a zip whose single top folder is the workflow folder, with an entry for
     * each folder and file; entries are stored (not deflated) with a fixed time, so the bytes do
     * not depend on the zlib or the time zone of the machine.
     */
    static byte[] knwf(Workflow w) {
        Map<String, byte[]> files = files(w);
        TreeSet<String> folders = new TreeSet<>();
        folders.add(w.name() + "/");
        for (String path : files.keySet()) {
            int slash = path.lastIndexOf('/');
            if (slash > 0) {
                folders.add(w.name() + "/" + path.substring(0, slash + 1));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (String folder : folders) {
                put(zip, folder, new byte[0]);
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(zip, w.name() + "/" + f.getKey(), f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setTimeLocal(ZIP_TIME);
        e.setSize(content.length);
        e.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Writes every workflow (folder and .knwf) into {@code dir}, replacing the folders it
     * renders (so a node that is gone loses its folder).
     */
    static void write(Path dir, List<Workflow> workflows) throws IOException {
        Files.createDirectories(dir);
        for (Workflow w : workflows) {
            Path folder = dir.resolve(w.name());
            if (Files.exists(folder)) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            for (Map.Entry<String, byte[]> f : files(w).entrySet()) {
                Path file = folder.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, f.getValue());
            }
            Files.write(dir.resolve(w.name() + ".knwf"), knwf(w));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** XML text (or attribute value) escaping; control characters are not expected in our values. */
    static String escape(String s, boolean attribute) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20) {
                throw new IllegalArgumentException("control character in '" + s + "'");
            }
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /**
     * A KNIME XMLConfig config: entries and sub-configs in insertion order, rendered the way
     * KNIME writes them (4-space indentation, empty configs self-closed, null strings as
     * {@code isnull="true" value=""}).
     */
    static final class Cfg {
        private record Entry(String key, String type, String value) {
        }

        final String key;
        private final List<Object> items = new ArrayList<>();

        Cfg(String key) {
            this.key = key;
        }

        Cfg add(Cfg child) {
            items.add(child);
            return this;
        }

        /** @return a new, empty sub-config, added */
        Cfg child(String childKey) {
            Cfg c = new Cfg(childKey);
            items.add(c);
            return c;
        }

        Cfg string(String k, String value) {
            items.add(new Entry(k, "xstring", value));
            return this;
        }

        Cfg bool(String k, boolean value) {
            items.add(new Entry(k, "xboolean", String.valueOf(value)));
            return this;
        }

        Cfg integer(String k, int value) {
            items.add(new Entry(k, "xint", String.valueOf(value)));
            return this;
        }

        Cfg ints(String k, int... values) {
            Cfg a = child(k);
            a.integer("array-size", values.length);
            for (int i = 0; i < values.length; i++) {
                a.integer(String.valueOf(i), values[i]);
            }
            return this;
        }

        Cfg strings(String k, List<String> values) {
            Cfg a = child(k);
            a.integer("array-size", values.size());
            for (int i = 0; i < values.size(); i++) {
                a.string(String.valueOf(i), values.get(i));
            }
            return this;
        }

        /** What SettingsModel.saveSettingsTo writes before the model's own value. */
        Cfg internals(String modelKey, String modelId, boolean enabled) {
            child(modelKey + "_Internals").string("SettingsModelID", modelId).bool("EnabledStatus", enabled);
            return this;
        }

        String xml() {
            StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            out.append("<config xmlns=\"").append(XMLCONFIG).append("\" xmlns:xsi=\"http://www.w3.org/2001/"
                    + "XMLSchema-instance\" xsi:schemaLocation=\"").append(XMLCONFIG).append(" http://www.knime.org/"
                    + "XMLConfig_2008_09.xsd\" key=\"").append(escape(key, true)).append("\">\n");
            for (Object item : items) {
                render(item, 1, out);
            }
            return out.append("</config>\n").toString();
        }

        private static void render(Object item, int depth, StringBuilder out) {
            String indent = "    ".repeat(depth);
            if (item instanceof Entry e) {
                out.append(indent).append("<entry key=\"").append(escape(e.key(), true)).append("\" type=\"")
                        .append(e.type()).append('"');
                if (e.value() == null) {
                    out.append(" isnull=\"true\" value=\"\"/>\n");
                } else {
                    out.append(" value=\"").append(escape(e.value(), true)).append("\"/>\n");
                }
                return;
            }
            Cfg c = (Cfg) item;
            if (c.items.isEmpty()) {
                out.append(indent).append("<config key=\"").append(escape(c.key, true)).append("\"/>\n");
                return;
            }
            out.append(indent).append("<config key=\"").append(escape(c.key, true)).append("\">\n");
            for (Object child : c.items) {
                render(child, depth + 1, out);
            }
            out.append(indent).append("</config>\n");
        }
    }
}
