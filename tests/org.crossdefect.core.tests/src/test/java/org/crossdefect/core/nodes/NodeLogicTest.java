package org.crossdefect.core.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.cli.CliRunner;
import org.crossdefect.core.data.ImageSelection;
import org.crossdefect.core.data.InvalidDatasetException;
import org.crossdefect.core.error.IncompatibleException;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.report.PredictionsCsv;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.testing.SharedData;
import org.crossdefect.core.workspace.MethodRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KNIME nodes' logic on the engine side, node by node along the example workflow: synthetic
 * data, split reader, backbone, embedder, learner, predictor, scorer, benchmark. The Predictors'
 * rows must equal the CLI's predictions CSV for the same model.
 */
class NodeLogicTest {

    static final MethodRegistry METHODS = MethodRegistry.builtIn();

    @TempDir
    static Path dir;

    static Path root;
    static Table datasets;
    static DomainSplitReaderNode.Output split;
    static BackboneLoaderNode.BackboneContent backbone;
    static PatchEmbedderNode.EmbeddingsContent embeddings;

    static String weights() {
        return SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors").toString();
    }

    @BeforeAll
    static void workflow() throws Exception {
        root = dir.resolve("synthetic");
        datasets = SyntheticDataNode.run(SyntheticDataNode.settings(Parameters.of("folder", root, "size", 96,
                "train-good", 6, "test-good", 4, "defects", 6, "seed", 2)), Progress.NONE);
        split = DomainSplitReaderNode.run(DomainSplitReaderNode.settings(Parameters.of("root", root, "dataset",
                root.resolve("hole.csv"), "target", "wood")), 2, Progress.NONE);
        backbone = BackboneLoaderNode.run(Parameters.of("backbone", "mobilenet_v1", "weights", weights(), "device",
                "cpu"));
        embeddings = PatchEmbedderNode.run(backbone, split.images(), PatchEmbedderNode.settings(Parameters.of(
                "store", dir.resolve("store"))), Progress.NONE);
    }

    @Test
    void syntheticDataListsItsDatasetsAndTheReaderSplitsLikeTheEngine() throws Exception {
        assertEquals(List.of("hole", "cut", "color"), datasets.rows().stream().map(r -> r.get(0)).toList());
        assertTrue(Files.isRegularFile(Path.of((String) datasets.cell(0, "mapping_file"))));
        ImageSelection.Selected expected = ImageSelection.split(root, root.resolve("hole.csv").toString(), "wood", 0)
                .select();
        Table images = split.images();
        assertEquals(expected.train().size() + expected.validation().size() + expected.test().size() + 6,
                images.rows().size(), "the split and wood's 6 good training images as target shots");
        assertEquals(expected.test(), ImageTable.records(images, org.crossdefect.core.data.Role.TEST),
                "the table reads back to the same records");
        assertEquals(0, split.problems().rows().size());
        // With an empty root, the Datasets input (Synthetic Defect Data's table) names root and mapping file.
        DomainSplitReaderNode.Output viaTable = DomainSplitReaderNode.run(DomainSplitReaderNode.settings(
                Parameters.of("dataset", "hole", "target", "wood"), datasets), 2, Progress.NONE);
        assertEquals(images, viaTable.images());
        assertEquals("dataset", assertThrows(InvalidSettingException.class, () -> DomainSplitReaderNode.settings(
                Parameters.of("dataset", "holes", "target", "wood"), datasets)).setting());
        assertNull(split.warning());
        // The Backbone port knows what downstream configure needs.
        assertEquals(768, backbone.dim());
        assertTrue(backbone.id().startsWith("mobilenet_v1"), backbone.id());
        // The Patch Embeddings port survives its serialisation (the KNIME port writes this JSON).
        PatchEmbedderNode.EmbeddingsContent back = PatchEmbedderNode.EmbeddingsContent.fromJson(embeddings.toJson());
        assertEquals(embeddings.table(), back.table());
        assertEquals(embeddings.backbone(), back.backbone());
    }

    @Test
    void everyPredictorsRowsEqualTheCliPredictionsForTheSameModel() throws Exception {
        for (org.crossdefect.core.model.Method<?> m : NodeCatalog.nodeMethods(METHODS)) {
            String method = m.id();
            boolean semlp = m.parameters().stream().anyMatch(x -> x.key().equals("epochs"));
            Parameters p = semlp ? Parameters.of("epochs", 2, "seed", 0) : Parameters.of("seed", 0);
            LearnerNode.ModelContent model = LearnerNode.run(METHODS, method, p, embeddings, Progress.NONE);
            assertEquals(method, model.info().method());
            Path modelFile = dir.resolve(method + ".model");
            Files.write(modelFile, model.modelFile());
            Path csv = dir.resolve(method + ".csv");
            CliRunner.Result cli = CliRunner.run("predict", "--model", modelFile.toString(), "--root", root.toString(),
                    "--dataset", root.resolve("hole.csv").toString(), "--target", "wood", "--out", csv.toString(),
                    "--weights", weights(), "--device", "cpu", "--store", dir.resolve("store").toString());
            assertEquals(0, cli.exitCode(), cli.err());
            List<PredictionsCsv.Row> expected = PredictionsCsv.read(csv);

            Table rows = PredictorNode.run(METHODS, model, embeddings, PredictorNode.settings(Parameters.NONE),
                    Progress.NONE);
            List<Integer> test = new java.util.ArrayList<>();
            for (int i = 0; i < rows.rows().size(); i++) {
                if ("test".equals(rows.cell(i, "role"))) {
                    test.add(i);
                }
            }
            assertEquals(expected.size(), test.size(), method);
            for (int k = 0; k < expected.size(); k++) {
                int i = test.get(k);
                PredictionsCsv.Row e = expected.get(k);
                assertEquals(e.image(), rows.cell(i, "image"), method);
                assertEquals(e.label(), rows.cell(i, "label"), method);
                double score = (Double) rows.cell(i, "score");
                assertEquals(e.score(), score, 1e-5 * Math.max(1, Math.abs(score)), method + " " + e.image());
                assertEquals(e.predictedLabel(), rows.cell(i, "predicted_label"), method + " " + e.image());
                assertEquals(e.decision().isEmpty() ? null : e.decision(), rows.cell(i, "decision"), method);
                assertEquals(NodeCatalog.hasGoodOnlyThreshold(m), rows.cell(i, "decision") != null,
                        method + ": the k-shot models (thresholds from good images) have a decision band");
                assertNotNull(rows.cell(i, "heatmap"), "a PNG cell for every test image");
            }
            byte[] png = (byte[]) rows.cell(test.get(0), "heatmap");
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));

            Table figures = AnomalyScorerNode.run(rows, 5);
            assertEquals("wood", figures.cell(0, "target"));
            float[] scores = new float[expected.size()];
            boolean[] labels = new boolean[expected.size()];
            for (int k = 0; k < scores.length; k++) {
                scores[k] = (float) expected.get(k).score();
                labels[k] = expected.get(k).label() == 1;
            }
            assertEquals(org.crossdefect.core.eval.Auroc.of(scores, labels), (Double) figures.cell(0, "image_auroc"),
                    1e-6, method + ": the scorer's AUROC is the CLI predictions' AUROC");
            assertNotNull(figures.cell(0, "pixel_auroc"), "test images have masks");
            assertEquals(3, figures.rows().size(), "one row per threshold rule: " + figures.rows());
        }
    }

    @Test
    void theKShotLearnerLearnsFromTheReadersTargetShotsAsTrainDoes() throws Exception {
        // The reader lists the engine's draw of the target's good images (train/good, never test).
        List<org.crossdefect.core.data.ImageRecord> shots = ImageTable.records(split.images(),
                org.crossdefect.core.data.Role.TARGET_SHOT);
        assertEquals(ImageSelection.split(root, root.resolve("hole.csv").toString(), "wood", 0).targetShots(10), shots);
        assertEquals(6, shots.size(), "all of wood's 6 train/good images (fewer than the default 10)");
        assertTrue(shots.stream().allMatch(r -> r.category().equals("wood") && r.split()
                == org.crossdefect.core.data.SourceSplit.TRAIN), shots.toString());

        // KNIME's k-shot Learner makes the model `train --target-shots` makes from the same tree and seed.
        LearnerNode.ModelContent model = LearnerNode.run(METHODS, "patchcore-kshot", Parameters.of("seed", 0),
                embeddings, Progress.NONE);
        Path cliModel = dir.resolve("cli-kshot.model");
        CliRunner.Result trained = CliRunner.run("train", "--method", "patchcore-kshot", "--root", root.toString(),
                "--dataset", root.resolve("hole.csv").toString(), "--target", "wood", "--target-shots", "6",
                "--out", cliModel.toString(), "--weights", weights(), "--device", "cpu", "--store",
                dir.resolve("store").toString());
        assertEquals(0, trained.exitCode(), trained.err());
        Table fromNode = PredictorNode.run(METHODS, model, embeddings, PredictorNode.settings(Parameters.NONE),
                Progress.NONE);
        Table fromCli = PredictorNode.run(METHODS, LearnerNode.ModelContent.of(Files.readAllBytes(cliModel)),
                embeddings, PredictorNode.settings(Parameters.NONE), Progress.NONE);
        assertEquals(fromCli.rows().size(), fromNode.rows().size());
        for (int i = 0; i < fromNode.rows().size(); i++) {
            assertEquals((Double) fromCli.cell(i, "score"), (Double) fromNode.cell(i, "score"), 1e-6);
            assertEquals(fromCli.cell(i, "decision"), fromNode.cell(i, "decision"));
        }

        // The paper's methods ignore the shots: the same PatchCore model with or without them.
        DomainSplitReaderNode.Output strict = DomainSplitReaderNode.run(DomainSplitReaderNode.settings(Parameters.of(
                "root", root, "dataset", root.resolve("hole.csv"), "target", "wood", "target-shots", 0)), 2,
                Progress.NONE);
        assertTrue(ImageTable.records(strict.images(), org.crossdefect.core.data.Role.TARGET_SHOT).isEmpty());
        PatchEmbedderNode.EmbeddingsContent noShots = PatchEmbedderNode.run(backbone, strict.images(),
                PatchEmbedderNode.settings(Parameters.of("store", dir.resolve("store"))), Progress.NONE);
        Table withShotRows = PredictorNode.run(METHODS, LearnerNode.run(METHODS, "patchcore", Parameters.of("seed", 0),
                embeddings, Progress.NONE), embeddings, PredictorNode.settings(Parameters.NONE), Progress.NONE);
        Table without = PredictorNode.run(METHODS, LearnerNode.run(METHODS, "patchcore", Parameters.of("seed", 0),
                noShots, Progress.NONE), noShots, PredictorNode.settings(Parameters.NONE), Progress.NONE);
        assertEquals(without.rows().size(), withShotRows.rows().size(), "the Predictor scores no shot");
        for (int i = 0; i < without.rows().size(); i++) {
            assertEquals(without.cell(i, "score"), withShotRows.cell(i, "score"));
        }

        // A k-shot Learner without shots names the reader's setting; so do bad values of it.
        InvalidSettingException none = assertThrows(InvalidSettingException.class, () -> LearnerNode.run(METHODS,
                "labeled-patchcore-kshot", Parameters.of("seed", 0), noShots, Progress.NONE));
        assertEquals("target-shots", none.setting());
        assertTrue(none.getMessage().contains("Domain Split Reader"), none.getMessage());
        assertEquals("target-shots", assertThrows(InvalidSettingException.class, () -> DomainSplitReaderNode.settings(
                Parameters.of("root", root, "dataset", "hole", "target", "wood", "target-shots", -1))).setting());
        assertEquals("target-shots", assertThrows(InvalidSettingException.class, () -> LearnerNode.check(METHODS,
                "patchcore-kshot", Parameters.of("target-shots", 5))).setting(),
                "the shots are the reader's setting, not the Learner's");
    }

    @Test
    void badSettingsNameTheSettingAndMismatchedPortsAreRefused() throws Exception {
        assertEquals("root", assertThrows(InvalidSettingException.class,
                () -> DomainSplitReaderNode.settings(Parameters.of("dataset", "hole"))).setting());
        assertEquals("target", assertThrows(InvalidSettingException.class,
                () -> DomainSplitReaderNode.settings(Parameters.of("root", root, "dataset", "hole"))).setting());
        assertEquals("coreset-ratio", assertThrows(InvalidSettingException.class,
                () -> LearnerNode.check(METHODS, "patchcore", Parameters.of("coreset-ratio", 2))).setting());
        assertEquals("epochs", assertThrows(InvalidSettingException.class,
                () -> LearnerNode.check(METHODS, "patchcore", Parameters.of("epochs", 2))).setting(),
                "a SEMLP setting on a PatchCore Learner is named, not ignored");
        assertEquals("device", assertThrows(InvalidSettingException.class,
                () -> BackboneLoaderNode.spec(Parameters.of("device", "tpu"))).setting());
        assertEquals("batch", assertThrows(InvalidSettingException.class,
                () -> PatchEmbedderNode.settings(Parameters.of("batch", 0))).setting());
        assertThrows(IncompatibleException.class, () -> PredictorNode.requireSameBackbone("a", "b"));
        // The Predictor searches as predict does (fast) unless its exact-search setting is on.
        assertEquals(false, PredictorNode.settings(Parameters.NONE).exactSearch());
        assertEquals(true, PredictorNode.settings(Parameters.of("exact-search", "true")).exactSearch());
        // A broken tree: the reader fails naming the problem, or (fail-on-problems false) lists it.
        Path broken = dir.resolve("broken");
        try (var paths = Files.walk(root)) {
            for (Path from : paths.toList()) {
                Path to = broken.resolve(root.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path image = broken.resolve("wood/test/hole").toFile().listFiles()[0].toPath();
        Files.writeString(image, "not a png");
        InvalidDatasetException failed = assertThrows(InvalidDatasetException.class, () -> DomainSplitReaderNode.run(
                DomainSplitReaderNode.settings(Parameters.of("root", broken, "dataset", broken.resolve("hole.csv"),
                        "target", "wood")), 2, Progress.NONE));
        assertTrue(failed.getMessage().contains(image.getFileName().toString()), failed.getMessage());
        DomainSplitReaderNode.Output listed = DomainSplitReaderNode.run(DomainSplitReaderNode.settings(Parameters.of(
                "root", broken, "dataset", broken.resolve("hole.csv"), "target", "wood", "fail-on-problems", false)),
                2, Progress.NONE);
        assertEquals(1, listed.problems().rows().size());
        assertNotNull(listed.warning());
    }

    @Test
    void theBenchmarkNodeGivesTheRunFoldersTables() throws Exception {
        DomainBenchmarkNode.Settings s = DomainBenchmarkNode.settings(METHODS, Parameters.of("methods", "patchcore",
                "targets", "wood", "weights", weights(), "device", "cpu", "store", dir.resolve("store")));
        Table holeOnly = new Table(datasets.columns(), datasets.rows().subList(0, 1));
        DomainBenchmarkNode.Output out = DomainBenchmarkNode.run(METHODS, holeOnly, s, Progress.NONE);
        assertEquals("wood", out.imageAuroc().cell(0, "target"));
        assertEquals(1, out.runs().rows().size());
        assertTrue(out.summaries().rows().stream().anyMatch(r -> r.get(0).equals("Image AUROC")));
        assertEquals(out.runs().cell(0, "image_auroc"), out.imageAuroc().cell(0, "patchcore mean"));
    }
}
