package org.crossdefect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --method miro writes the model and the fine-tuned backbone; predict takes the backbone with --weights. */
class MiroCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainWritesTheBackboneBesideTheModelAndPredictNeedsIt() throws Exception {
        Path root = dir.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 3, 2, 2, 4), root, false, Progress.NONE);
        Path model = dir.resolve("miro.zip");
        CliRunner.Result train = CliRunner.run(args(root, "train", "--method", "miro", "--miro-steps", "1",
                "--dataset", root.resolve("hole.csv").toString(), "--target", "wood", "--out", model.toString()));
        assertEquals(0, train.exitCode(), train.err());
        Path backbone = dir.resolve("miro.backbone.safetensors");
        assertTrue(Files.isRegularFile(backbone) && Files.isRegularFile(model), train.out());
        assertTrue(train.out().contains("--weights " + backbone), train.out());

        CliRunner.Result without = CliRunner.run(args(root, "predict", "--model", model.toString(), "--dataset",
                root.resolve("hole.csv").toString(), "--target", "wood", "--out", dir.resolve("p0.csv").toString()));
        assertNotEquals(0, without.exitCode());
        assertTrue(without.err().contains("--weights MODEL.backbone.safetensors"), without.err());

        CliRunner.Result predict = CliRunner.run(args(root, "predict", "--model", model.toString(), "--weights",
                backbone.toString(), "--dataset", root.resolve("hole.csv").toString(), "--target", "wood", "--out",
                dir.resolve("p.csv").toString()));
        assertEquals(0, predict.exitCode(), predict.err());
        List<String> rows = Files.readAllLines(dir.resolve("p.csv"));
        assertEquals(5, rows.size(), "header + wood's 2 good and 2 hole test images");
    }

    private String[] args(Path root, String... more) {
        List<String> args = new ArrayList<>(List.of(more));
        args.addAll(List.of("--root", root.toString(), "--store", dir.resolve("store").toString(), "--weights-dir",
                SharedData.root().resolve("backbones").toString(), "--device", "cpu"));
        return args.toArray(String[]::new);
    }
}
