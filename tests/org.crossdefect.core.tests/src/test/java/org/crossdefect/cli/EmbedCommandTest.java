package org.crossdefect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedCommandTest {

    @TempDir
    Path dir;

    @Test
    void embedsCategoryThenReusesStore() throws Exception {
        Path root = dir.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(48, 2, 1, 1, 1), root, false, Progress.NONE);
        String[] args = {"embed", "--root", root.toString(), "--category", "wood", "--out", dir.resolve("store").toString(),
                "--weights-dir", SharedData.root().resolve("backbones").toString(), "--device", "cpu", "--batch", "4"};
        CliRunner.Result first = CliRunner.run(args);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("Embedded 6 images") && first.out().contains("6 computed, 0 reused"),
                first.out());
        assertTrue(first.out().contains("D = 768, grid 28x28"), first.out());
        CliRunner.Result second = CliRunner.run(args);
        assertTrue(second.out().contains("0 computed, 6 reused"), second.out());
    }

    @Test
    void missingWeightsSayWhereTheyWereLookedFor() {
        CliRunner.Result r = CliRunner.run("embed", "--root", SharedData.mvtecRoot().toString(), "--out",
                dir.resolve("s").toString(), "--backbone", "wide_resnet50_2", "--weights-dir", dir.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no weights for wide_resnet50_2") && r.err().contains(dir.toString())
                && r.err().contains("wide_resnet50_2.safetensors"), r.err());
    }
}
