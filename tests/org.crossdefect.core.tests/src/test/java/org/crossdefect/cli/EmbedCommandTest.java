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
    void benchEmbedReportsEveryRateAndEndsWithTheRatio() {
        CliRunner.Result r = CliRunner.run("bench", "embed", "--images", "8", "--batch", "4", "--size", "48",
                "--weights-dir", SharedData.root().resolve("backbones").toString(), "--device", "cpu");
        assertEquals(0, r.exitCode(), r.err());
        double raw = rate(r.out(), "raw_forward_images_per_s=");
        double embedded = rate(r.out(), "raw_forward_embedded_downloaded_images_per_s=");
        double pipeline = rate(r.out(), "pipeline_images_per_s=");
        assertTrue(raw > 0 && embedded > 0 && pipeline > 0, r.out());
        String[] lines = r.out().strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("pipeline_over_raw="), r.out());
        // The ratio printed is the pipeline's rate over the raw forward's, not over the embedded one.
        assertEquals(pipeline / raw, Double.parseDouble(last.substring(last.indexOf('=') + 1)), 0.002 + 0.01 * pipeline / raw,
                r.out());
    }

    private static double rate(String out, String key) {
        for (String line : out.split("\n")) {
            if (line.startsWith(key)) {
                return Double.parseDouble(line.substring(key.length()).split(" ")[0]);
            }
        }
        throw new AssertionError(key + " missing in " + out);
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
