package org.crossdefect.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.NodeModel;

/**
 * Holds the compile-only signature module (releng/org.knime.core.signatures) to the real KNIME
 * 5.4.5 API: every line {@code javap -protected} prints for its classes (class headers and
 * members, bridge methods included) must appear verbatim in that class's section of
 * {@code ../shared/knime-api/knime-core-5.4.5-signatures.txt}, which is javap of the real classes.
 * So the node bundle compiles here only against members KNIME really has, with KNIME's modifiers,
 * generics and throws clauses.
 *
 * <p>One allowance, in class headers only: a supertype may be left off when the reference has no
 * section for it (it cannot be declared verbatim) and it is listed in
 * {@link #LEFT_OFF_SUPERTYPES}. Everything else in the header (modifiers, kind, name, type
 * parameters, the order of the remaining supertypes) must still match.
 */
class KnimeSignaturesTest {

    private static final String REFERENCE = "knime-api/knime-core-5.4.5-signatures.txt";

    /**
     * KNIME supertypes of declared classes that the reference does not cover, so the signature
     * module leaves them off its class headers (their members cannot be checked, so they are not
     * declared). Erased names; each must lack a section in the reference (checked).
     */
    static final Set<String> LEFT_OFF_SUPERTYPES = Set.of(
            "org.knime.core.data.DataValue", // DataCell, StringValue, DoubleValue, IntValue
            "org.knime.core.data.RowKeyValue", // RowKey
            "org.knime.core.data.DataTable", // BufferedDataTable
            "org.knime.core.data.container.RowAppender", // DataContainer
            "org.knime.core.data.container.RowFlushable", // DataContainer
            "org.knime.core.data.BooleanValue", // BooleanCell
            "org.knime.core.data.LongValue", // BooleanCell, IntCell, LongCell
            "org.knime.core.data.ComplexNumberValue", // numeric cells
            "org.knime.core.data.FuzzyNumberValue", // numeric cells
            "org.knime.core.data.FuzzyIntervalValue", // numeric cells
            "org.knime.core.data.BoundedValue", // numeric cells
            "org.knime.core.data.NominalValue", // BooleanCell, StringCell
            "org.knime.core.data.image.ImageContent", // PNGImageContent
            "org.knime.core.data.image.ImageValue", // PNGImageValue
            "org.knime.core.node.AbstractNodeView$ViewableModel", // NodeModel
            "org.knime.core.node.AbstractNodeView", // NodeView
            "org.knime.core.node.NodeModelWarningListener", // NodeView
            "org.knime.core.node.defaultnodesettings.SettingsModelFlowVariableCompatible", // settings models
            "org.knime.core.internal.SerializerMethodLoader$Serializer"); // port (spec) serializers

    @Test
    void signatureModuleMatchesKnime545() {
        Map<String, Section> reference = loadReference();
        for (String type : LEFT_OFF_SUPERTYPES) {
            assertFalse(reference.containsKey(type),
                    type + " has a section in the reference: declare it instead of leaving it off");
        }
        Path root = signatureModuleRoot();
        List<String> classes = classNames(root);
        Map<String, List<String>> declared = javap(root, classes);

        List<String> mismatches = mismatches(declared, reference);
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " line(s) of the signature module ("
                + root + ") are not in " + REFERENCE + ":\n" + String.join("\n", mismatches));

        int members = declared.values().stream().mapToInt(lines -> lines.size() - 1).sum();
        System.out.println("KNIME classes declared: " + declared.size());
        System.out.println("KNIME members declared: " + members);
        assertTrue(declared.size() > 0, "no classes found in " + root);
        assertTrue(members > 0, "no members found in " + root);
    }

    /** The same comparison fails on a compiled NodeModel with a wrong parameter type. */
    @Test
    void aWrongSignatureIsReported(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("src/org/knime/core/node/NodeModel.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package org.knime.core.node;

                public abstract class NodeModel {
                    protected NodeModel(int nrInDataPorts, int nrOutDataPorts) {
                    }

                    // KNIME's takes a NodeSettingsWO
                    protected abstract void saveSettingsTo(NodeSettingsRO settings);
                }
                """);
        Path classes = dir.resolve("classes");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, log, log, "--release", "17", "-d",
                classes.toString(), "-cp", signatureModuleRoot().toString(), source.toString());
        assertEquals(0, rc, "javac failed: " + log);

        Map<String, List<String>> declared = javap(classes, List.of("org.knime.core.node.NodeModel"));
        List<String> mismatches = mismatches(declared, loadReference());

        assertEquals(List.of("org.knime.core.node.NodeModel: member not in KNIME 5.4.5:"
                + "   protected abstract void saveSettingsTo(org.knime.core.node.NodeSettingsRO);"), mismatches,
                "the wrong method, and only it (header and constructor are KNIME's)");
    }

    /** The header allowance admits only left-off supertypes from the list, nothing else. */
    @Test
    void headerAllowanceIsNarrow() {
        Map<String, Section> reference = loadReference();
        Map<String, List<String>> declared = new LinkedHashMap<>();
        // allowed: AbstractNodeView$ViewableModel left off
        declared.put("org.knime.core.node.NodeModel", List.of("public abstract class org.knime.core.node.NodeModel"));
        // not allowed: a modifier lost
        declared.put("org.knime.core.node.NodeFactory",
                List.of("public class org.knime.core.node.NodeFactory<T extends org.knime.core.node.NodeModel>"));
        // not allowed: PortObjectSpec has a section, so it must be declared
        declared.put("org.knime.core.data.DataTableSpec", List.of("public final class org.knime.core.data.DataTableSpec"
                + " implements java.lang.Iterable<org.knime.core.data.DataColumnSpec>"));
        // not allowed: a supertype KNIME's class does not have
        declared.put("org.knime.core.data.def.StringCell", List.of("public final class org.knime.core.data.def.StringCell"
                + " extends org.knime.core.data.DataCell implements org.knime.core.data.DoubleValue"));
        // not allowed: a class KNIME's reference does not have
        declared.put("org.knime.core.node.NotInKnime", List.of("public class org.knime.core.node.NotInKnime"));

        List<String> mismatches = mismatches(declared, reference);

        assertEquals(4, mismatches.size(), String.join("\n", mismatches));
        assertTrue(mismatches.stream().noneMatch(m -> m.startsWith("org.knime.core.node.NodeModel:")),
                String.join("\n", mismatches));
    }

    // ---------------------------------------------------------------------------------------------
    // The comparison (one method, used by every test)

    /**
     * Compares javap output with the reference.
     *
     * @param declared per binary class name, the lines javap printed: the class header first, then
     *            the members, without "Compiled from" and the closing brace
     * @param reference the reference sections
     * @return one message per line that is not KNIME's, "class: problem: line"; empty when all match
     */
    static List<String> mismatches(Map<String, List<String>> declared, Map<String, Section> reference) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : declared.entrySet()) {
            String cls = e.getKey();
            Section section = reference.get(cls);
            if (section == null) {
                out.add(cls + ": class not in KNIME 5.4.5 reference");
                continue;
            }
            List<String> lines = e.getValue();
            String headerProblem = headerProblem(lines.get(0), section.header(), reference.keySet());
            if (headerProblem != null) {
                out.add(cls + ": header " + headerProblem + ": " + lines.get(0) + "  [KNIME: " + section.header() + "]");
            }
            for (String member : lines.subList(1, lines.size())) {
                if (!section.members().contains(member)) {
                    out.add(cls + ": member not in KNIME 5.4.5: " + member);
                }
            }
        }
        return out;
    }

    /** @return null if the declared header is KNIME's, or KNIME's with only listed supertypes left off */
    private static String headerProblem(String declared, String knime, Set<String> referenceClasses) {
        if (declared.equals(knime)) {
            return null;
        }
        Header d = Header.parse(declared);
        Header k = Header.parse(knime);
        if (!d.prefix().equals(k.prefix())) {
            return "modifiers/name/type parameters differ";
        }
        List<String> leftOff = new ArrayList<>();
        if (!subsequence(d.extendsList(), k.extendsList(), leftOff)
                || !subsequence(d.implementsList(), k.implementsList(), leftOff)) {
            return "supertypes differ";
        }
        for (String type : leftOff) {
            String erased = type.replaceFirst("<.*", "");
            if (!LEFT_OFF_SUPERTYPES.contains(erased) || referenceClasses.contains(erased)) {
                return "leaves off " + type + ", which is not an allowed left-off supertype";
            }
        }
        return null;
    }

    /** Whether {@code part} is {@code whole} with some elements removed; collects the removed ones. */
    private static boolean subsequence(List<String> part, List<String> whole, List<String> removed) {
        int i = 0;
        for (String w : whole) {
            if (i < part.size() && part.get(i).equals(w)) {
                i++;
            } else {
                removed.add(w);
            }
        }
        return i == part.size();
    }

    /** A javap class header split at its top-level " extends " and " implements ". */
    record Header(String prefix, List<String> extendsList, List<String> implementsList) {

        static Header parse(String line) {
            String s = line.strip();
            if (s.endsWith("{")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            int ext = topLevel(s, " extends ");
            int impl = topLevel(s, " implements ");
            int end = ext >= 0 ? ext : impl >= 0 ? impl : s.length();
            String extendsPart = ext < 0 ? "" : s.substring(ext + 9, impl >= 0 ? impl : s.length());
            String implementsPart = impl < 0 ? "" : s.substring(impl + 12);
            return new Header(s.substring(0, end), splitTopLevel(extendsPart), splitTopLevel(implementsPart));
        }

        private static int topLevel(String s, String token) {
            int depth = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '<') {
                    depth++;
                } else if (c == '>') {
                    depth--;
                } else if (depth == 0 && s.startsWith(token, i)) {
                    return i;
                }
            }
            return -1;
        }

        /** javap separates supertypes with "," or ", " (with a generic signature): both split here. */
        private static List<String> splitTopLevel(String s) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '<') {
                    depth++;
                } else if (c == '>') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    parts.add(s.substring(start, i).strip());
                    start = i + 1;
                }
            }
            if (!s.isBlank()) {
                parts.add(s.substring(start).strip());
            }
            return parts;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Reference, class discovery, javap

    /** One {@code ### class} section of the reference: the header line and the member lines. */
    record Section(String header, Set<String> members) {
    }

    /**
     * The shared reference (javap of the real classes) and, for the few classes it lacks, the
     * transcription from KNIME's public sources in {@link #FROM_SOURCES} (never overriding a
     * class the shared reference has: checked).
     */
    static Map<String, Section> loadReference() {
        Path shared = Path.of(System.getProperty("crossdefect.shared", "../../../shared")).toAbsolutePath().normalize();
        Path file = shared.resolve(REFERENCE);
        assertTrue(Files.isRegularFile(file), "reference not found: " + file
                + " (set -Dcrossdefect.shared=... or check out the project beside ../shared)");
        Map<String, Section> sections;
        List<String> added;
        try {
            sections = parseReference(Files.readAllLines(file));
            try (var in = KnimeSignaturesTest.class.getResourceAsStream("/" + FROM_SOURCES)) {
                assertTrue(in != null, FROM_SOURCES + " on the test class path");
                added = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, Section> e : parseReference(added).entrySet()) {
            assertFalse(sections.containsKey(e.getKey()), e.getKey() + " is in the shared reference: remove it from "
                    + FROM_SOURCES);
            sections.put(e.getKey(), e.getValue());
        }
        return sections;
    }

    /** Classes added from KNIME's public sources (a resource of this module). */
    static final String FROM_SOURCES = "knime-core-5.4.5-from-sources.txt";

    static Map<String, Section> parseReference(List<String> lines) {
        Map<String, Section> sections = new LinkedHashMap<>();
        String cls = null;
        String header = null;
        Set<String> members = null;
        for (String raw : lines) {
            String line = raw.stripTrailing();
            if (line.startsWith("### ")) {
                if (cls != null) {
                    sections.put(cls, new Section(header, members));
                }
                cls = line.substring(4).strip();
                header = null;
                members = new HashSet<>();
            } else if (cls == null || line.isEmpty() || line.equals("}")) {
                continue; // file comment, blank, end of class
            } else if (header == null) {
                header = line;
            } else {
                members.add(line);
            }
        }
        if (cls != null) {
            sections.put(cls, new Section(header, members));
        }
        return sections;
    }

    /** The jar (or classes folder) of the signature module, from the test class path. */
    static Path signatureModuleRoot() {
        try {
            return Path.of(NodeModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Binary names of all classes (nested ones too) in a jar or classes folder. */
    static List<String> classNames(Path root) {
        Set<String> names = new TreeSet<>();
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> names.add(root.relativize(f).toString().replace('\\', '/')));
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    jar.stream().map(entry -> entry.getName()).filter(n -> n.endsWith(".class")).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names.stream()
                .filter(n -> !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .toList();
    }

    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:class|interface) ([\\w.$]+)");

    /**
     * Runs {@code javap -protected -cp <root> <classes...>} in-process, split per class.
     *
     * @return per binary class name: the header line, then the member lines (as printed)
     */
    static Map<String, List<String>> javap(Path root, List<String> classes) {
        ToolProvider tool = ToolProvider.findFirst("javap").orElseThrow(() -> new IllegalStateException("no javap"));
        List<String> args = new ArrayList<>(List.of("-protected", "-cp", root.toString()));
        args.addAll(classes);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = tool.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, rc, "javap failed: " + err + out);

        Map<String, List<String>> byClass = new LinkedHashMap<>();
        List<String> current = null;
        for (String raw : out.toString().split("\\R")) {
            String line = raw.stripTrailing();
            if (line.isEmpty() || line.startsWith("Compiled from ") || line.equals("}")) {
                continue;
            }
            if (line.startsWith(" ")) {
                if (current == null) {
                    throw new IllegalStateException("javap member before a class header: " + line);
                }
                current.add(line);
            } else {
                Matcher m = CLASS_NAME.matcher(line);
                if (!m.find()) {
                    throw new IllegalStateException("not a javap class header: " + line);
                }
                current = new ArrayList<>();
                current.add(line);
                byClass.put(m.group(1), current);
            }
        }
        assertEquals(new TreeSet<>(classes), new TreeSet<>(byClass.keySet()), "javap printed other classes");
        return byClass;
    }
}
