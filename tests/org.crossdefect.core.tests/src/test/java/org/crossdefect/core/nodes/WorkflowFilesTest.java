package org.crossdefect.core.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.crossdefect.core.model.Method;
import org.crossdefect.core.workspace.MethodRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped KNIME workflows ({@code workflows/}) are {@link WorkflowFiles}' rendering of the
 * catalog, to the byte, and every shipped workflow folder and .knwf passes the structural check
 * of {@link WorkflowCheck}, which parses the files itself. Run with
 * {@code -Dcrossdefect.writeWorkflows=true} to write them after changing the catalog or the
 * workflows.
 */
class WorkflowFilesTest {

    static final Path WORKFLOWS = Path.of("../../workflows").toAbsolutePath().normalize();
    static final MethodRegistry METHODS = MethodRegistry.builtIn();
    static final WorkflowCheck CHECK = new WorkflowCheck(METHODS);

    @BeforeAll
    static void writeIfAsked() throws IOException {
        if (Boolean.getBoolean("crossdefect.writeWorkflows")) {
            WorkflowFiles.write(WORKFLOWS, WorkflowFiles.workflows(METHODS));
        }
    }

    @Test
    void committedWorkflowsAreTheRendering() throws IOException {
        List<String> stale = new ArrayList<>();
        for (WorkflowFiles.Workflow w : WorkflowFiles.workflows(METHODS)) {
            Path folder = WORKFLOWS.resolve(w.name());
            Map<String, byte[]> expected = WorkflowFiles.files(w);
            Map<String, byte[]> actual = Files.isDirectory(folder) ? WorkflowCheck.readFolder(folder) : Map.of();
            Set<String> paths = new TreeSet<>(expected.keySet());
            paths.addAll(actual.keySet());
            for (String path : paths) {
                if (!expected.containsKey(path) || !actual.containsKey(path)
                        || !Arrays.equals(expected.get(path), actual.get(path))) {
                    stale.add(w.name() + "/" + path);
                }
            }
            Path knwf = WORKFLOWS.resolve(w.name() + ".knwf");
            if (!Files.isRegularFile(knwf) || !Arrays.equals(WorkflowFiles.knwf(w), Files.readAllBytes(knwf))) {
                stale.add(knwf.getFileName().toString());
            }
        }
        assertTrue(stale.isEmpty(), "out of date (regenerate with -Dcrossdefect.writeWorkflows=true): " + stale);
    }

    @Test
    void theRenderingIsDeterministic() {
        for (WorkflowFiles.Workflow w : WorkflowFiles.workflows(METHODS)) {
            assertArrayEquals(WorkflowFiles.knwf(w), WorkflowFiles.knwf(WorkflowFiles.workflows(METHODS).stream()
                    .filter(x -> x.name().equals(w.name())).findFirst().orElseThrow()), w.name());
        }
    }

    @Test
    void everyShippedWorkflowIsSound() throws IOException {
        assertTrue(Files.isDirectory(WORKFLOWS), "no folder " + WORKFLOWS);
        List<String> problems = new ArrayList<>();
        Set<String> folders = new TreeSet<>();
        Set<String> exports = new TreeSet<>();
        try (Stream<Path> list = Files.list(WORKFLOWS)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    folders.add(name);
                    problems.addAll(CHECK.check(name, WorkflowCheck.readFolder(p)));
                } else if (name.endsWith(".knwf")) {
                    exports.add(name.substring(0, name.length() - ".knwf".length()));
                }
            }
        }
        for (String export : exports) {
            WorkflowCheck.Knwf knwf = WorkflowCheck.readKnwf(Files.readAllBytes(WORKFLOWS.resolve(export + ".knwf")));
            String label = export + ".knwf";
            knwf.problems().forEach(p -> problems.add(label + ": " + p));
            if (!knwf.top().equals(export)) {
                problems.add(label + ": its top folder is '" + knwf.top() + "', not '" + export + "'");
            }
            problems.addAll(CHECK.check(label, knwf.files()));
            Path folder = WORKFLOWS.resolve(export);
            if (Files.isDirectory(folder)) {
                problems.addAll(sameFiles(label, knwf.files(), WorkflowCheck.readFolder(folder)));
            }
        }
        if (!folders.equals(exports)) {
            problems.add("every workflow folder needs its .knwf and every .knwf its folder: folders " + folders
                    + ", exports " + exports);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(WorkflowFiles.workflows(METHODS).stream().map(WorkflowFiles.Workflow::name)
                .collect(Collectors.toCollection(TreeSet::new)), folders, "the shipped workflows");
    }

    /** @return a problem per file that the .knwf lacks, adds or holds with other bytes */
    static List<String> sameFiles(String label, Map<String, byte[]> knwf, Map<String, byte[]> folder) {
        List<String> problems = new ArrayList<>();
        Set<String> paths = new TreeSet<>(knwf.keySet());
        paths.addAll(folder.keySet());
        for (String path : paths) {
            if (!knwf.containsKey(path)) {
                problems.add(label + " lacks " + path);
            } else if (!folder.containsKey(path)) {
                problems.add(label + " has " + path + " that the folder lacks");
            } else if (!Arrays.equals(knwf.get(path), folder.get(path))) {
                problems.add(label + ": " + path + " differs from the folder's");
            }
        }
        return problems;
    }

    @Test
    void theRenderingPassesTheCheckAndItsExportHoldsExactlyTheFolder() throws IOException {
        for (WorkflowFiles.Workflow w : WorkflowFiles.workflows(METHODS)) {
            Map<String, byte[]> files = WorkflowFiles.files(w);
            assertEquals(List.of(), CHECK.check(w.name(), files));
            WorkflowCheck.Knwf knwf = WorkflowCheck.readKnwf(WorkflowFiles.knwf(w));
            assertEquals(List.of(), knwf.problems());
            assertEquals(w.name(), knwf.top());
            assertEquals(List.of(), sameFiles(w.name(), knwf.files(), files));
        }
    }

    @Test
    void oneExamplePerMethodAndTheBenchmark() {
        List<WorkflowFiles.Workflow> workflows = WorkflowFiles.workflows(METHODS);
        assertEquals(NodeCatalog.nodeMethods(METHODS).size() + 1, workflows.size());
        for (Method<?> m : NodeCatalog.nodeMethods(METHODS)) {
            WorkflowFiles.Workflow w = workflows.stream().filter(x -> x.name().equals(WorkflowFiles.exampleName(m)))
                    .findFirst().orElseThrow();
            List<String> factories = w.nodes().stream().map(WorkflowFiles.WorkflowNode::factory).toList();
            NodeCatalog.Node learner = WorkflowFiles.byMethod(NodeCatalog.nodes(METHODS), "Learner", m.id());
            NodeCatalog.Node predictor = WorkflowFiles.byMethod(NodeCatalog.nodes(METHODS), "Predictor", m.id());
            assertTrue(factories.contains(learner.factoryClass()) && factories.contains(predictor.factoryClass()),
                    w.name() + " uses " + m.title() + "'s Learner and Predictor");
        }
        WorkflowFiles.Workflow benchmark = workflows.get(workflows.size() - 1);
        assertEquals(WorkflowFiles.EXCEL_WRITER_FACTORY, benchmark.node(3).factory());
        assertTrue(WorkflowCheck.KNIME_NODES.containsKey(WorkflowFiles.EXCEL_WRITER_FACTORY));
    }

    @Test
    void theCheckReportsAWrongConnectionAndAnUnknownSetting() {
        WorkflowFiles.Workflow good = WorkflowFiles.workflows(METHODS).get(0);
        // The Backbone (not the images) into the Patch Embedder's image input, and a typo'd setting.
        List<WorkflowFiles.Connection> connections = new ArrayList<>(good.connections());
        connections.replaceAll(c -> c.destId() == 4 && c.destPort() == 2
                ? new WorkflowFiles.Connection(3, 1, 4, 2) : c);
        WorkflowFiles.Workflow broken = new WorkflowFiles.Workflow(good.name(), good.description(), good.nodes(),
                connections);
        broken.node(7).model().string("target-goods", "5");
        List<String> problems = CHECK.check("broken", WorkflowFiles.files(broken));
        assertTrue(problems.stream().anyMatch(p -> p.contains("connection 3:1 -> 4:2: port kind mismatch")
                && p.contains("gives BACKBONE") && p.contains("takes TABLE")), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("node #7 (Anomaly Scorer): unknown settings key "
                + "'target-goods'")), String.join("\n", problems));
        assertEquals(2, problems.size(), String.join("\n", problems));
    }

    @Test
    void theCheckReportsMissingInputsBadValuesUnknownFactoriesAndStrayFiles() {
        WorkflowFiles.Workflow good = WorkflowFiles.workflows(METHODS).get(0);
        List<WorkflowFiles.Connection> connections = good.connections().stream()
                .filter(c -> !(c.destId() == 6 && c.destPort() == 2)).toList(); // the Predictor's embeddings
        List<WorkflowFiles.WorkflowNode> nodes = new ArrayList<>(good.nodes());
        WorkflowFiles.WorkflowNode scorer = good.node(7);
        nodes.set(6, new WorkflowFiles.WorkflowNode(7, scorer.name(), "org.example.UnknownNodeFactory",
                scorer.bundle(), scorer.model(), 1, null, scorer.x(), scorer.y()));
        WorkflowFiles.Workflow broken = new WorkflowFiles.Workflow(good.name(), good.description(), nodes,
                connections);
        Map<String, byte[]> files = new TreeMap<>(WorkflowFiles.files(broken));
        // A negative batch for the Patch Embedder (node 4): the engine rejects it.
        String embedder = good.node(4).folder() + "/settings.xml";
        files.put(embedder, new String(files.get(embedder), StandardCharsets.UTF_8)
                .replace("key=\"batch\" type=\"xstring\" value=\"8\"", "key=\"batch\" type=\"xstring\" value=\"-1\"")
                .getBytes(StandardCharsets.UTF_8));
        files.put("Old Node (#9)/settings.xml", files.get(embedder));
        List<String> problems = CHECK.check("broken", files);
        String all = String.join("\n", problems);
        assertTrue(all.contains("node #6 (" + good.node(6).name() + "): input 2 is connected 0 times"), all);
        assertTrue(all.contains("node #4 (Patch Embedder): the engine rejects its settings"), all);
        assertTrue(all.contains("factory 'org.example.UnknownNodeFactory' is neither"), all);
        assertTrue(all.contains("stray file 'Old Node (#9)/settings.xml'"), all);
        assertFalse(all.contains("node #2"), all);
    }
}
