package org.crossdefect.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder {@code ../shared} beside the checkout (real MVTec bottle, backbones, reference
 * numbers). Every development and CI machine has it; a missing folder fails the test loudly.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        Path shared = Path.of(System.getProperty("crossdefect.shared", "../../../shared")).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(shared), "shared data folder missing: " + shared
                + " (set -Dcrossdefect.shared=... or check out the project beside ../shared)");
        return shared;
    }

    /** @return the MVTec root holding the real bottle category */
    public static Path mvtecRoot() {
        return root().resolve("data/mvtec");
    }

    public static Path reference(String file) {
        return root().resolve("reference").resolve(file);
    }
}
