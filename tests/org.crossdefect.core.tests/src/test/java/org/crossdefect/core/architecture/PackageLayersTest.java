package org.crossdefect.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The engine's packages read like the data flow (docs/architecture.md): each layer uses only
 * the layers below it, packages of one layer do not use each other, there is no cycle, and the
 * engine never reaches the doors (the CLI, KNIME).
 */
class PackageLayersTest {

    static final String ENGINE = "org.crossdefect.core";

    /** Bottom first. One row is one layer; its packages may use every row above, none below. */
    static final List<List<String>> LAYERS = List.of(
            List.of("error"),
            List.of("progress", "files", "settings", "runtime"),
            List.of("image"),
            List.of("data"),
            List.of("synth", "backbone"),
            List.of("embed"),
            List.of("nn"),
            List.of("coreset"),
            List.of("score"),
            List.of("model"),
            List.of("patchcore", "semlp", "miro"),
            List.of("adapt"),
            List.of("eval"),
            List.of("report"),
            List.of("workspace"),
            List.of("benchmark"),
            List.of("engine"),
            List.of("nodes"));

    static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ENGINE);
    }

    @Test
    void everyEnginePackageHasItsLayer() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : engine) {
            packages.add(c.getPackageName().substring(ENGINE.length() + 1).split("\\.")[0]);
        }
        Set<String> layered = new TreeSet<>();
        LAYERS.forEach(layered::addAll);
        assertEquals(layered, packages, "a new package needs its place in LAYERS (and in docs/architecture.md)");
    }

    @Test
    void layersUseOnlyLayersBelowThem() {
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> above = new ArrayList<>();
            for (int j = i + 1; j < LAYERS.size(); j++) {
                LAYERS.get(j).forEach(p -> above.add(ENGINE + "." + p + ".."));
            }
            for (String pkg : LAYERS.get(i)) {
                List<String> forbidden = new ArrayList<>(above);
                LAYERS.get(i).stream().filter(p -> !p.equals(pkg)).forEach(p -> forbidden.add(ENGINE + "." + p + ".."));
                if (!forbidden.isEmpty()) {
                    noClasses().that().resideInAPackage(ENGINE + "." + pkg + "..").should().dependOnClassesThat()
                            .resideInAnyPackage(forbidden.toArray(String[]::new))
                            .because(pkg + " sits below " + forbidden).check(engine);
                }
            }
        }
    }

    @Test
    void enginePackagesAreFreeOfCycles() {
        slices().matching(ENGINE + ".(*)..").should().beFreeOfCycles().check(engine);
    }

    @Test
    void theEngineNeverReachesItsDoors() {
        noClasses().that().resideInAPackage(ENGINE + "..").should().dependOnClassesThat()
                .resideInAnyPackage("org.crossdefect.cli..", "org.crossdefect.knime..", "org.knime..", "picocli..")
                .because("the CLI and the KNIME nodes are doors into the engine, never the other way")
                .check(engine);
    }
}
