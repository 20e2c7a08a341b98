package org.crossdefect.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.report.PredictionsCsv;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainPredictCommandTest {

    @TempDir
    static Path dir;

    static Path root;

    @BeforeAll
    static void tree() throws Exception {
        root = dir.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 3, 2, 2, 4), root, false, Progress.NONE);
    }

    private static String[] common(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(more));
        args.addAll(List.of("--root", root.toString(), "--store", dir.resolve("store").toString(), "--weights-dir",
                SharedData.root().resolve("backbones").toString(), "--device", "cpu"));
        return args.toArray(String[]::new);
    }

    /**
     * bench predict measures both searches on the same images in one run; on a bank too small
     * for an index the fast search is the exact one, so recall is 1 and AUROC unchanged.
     */
    @Test
    void benchPredictReportsBothSearchesSideBySide() throws Exception {
        Path model = dir.resolve("bench-disc.model");
        CliRunner.Result train = CliRunner.run(common("train", "--method", "patchcore", "--category", "disc", "--out",
                model.toString()));
        assertEquals(0, train.exitCode(), train.err());
        CliRunner.Result bench = CliRunner.run("bench", "predict", "--model", model.toString(), "--root",
                root.toString(), "--category", "disc", "--weights-dir", SharedData.root().resolve("backbones").toString(),
                "--device", "cpu", "--rounds", "1");
        assertEquals(0, bench.exitCode(), bench.err());
        for (String key : List.of("exact_fresh_images_per_s=", "fast_warm_images_per_s=", "exact_image_auroc=",
                "recall_at_1=1.00000", "image_auroc_change=0.0000")) {
            assertTrue(bench.out().contains(key), key + " in " + bench.out());
        }
        String[] lines = bench.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("fast_over_exact_fresh="), bench.out());
    }

    @Test
    void trainThenPredictWritesCsvAndHeatmaps() throws Exception {
        Path model = dir.resolve("holes.model");
        CliRunner.Result train = CliRunner.run(common("train", "--method", "labeled-patchcore", "--dataset",
                root.resolve("hole.csv").toString(), "--target", "stone", "--out", model.toString()));
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("of [disc, fabric, tiles, wood]"), train.out());

        Path csv = dir.resolve("pred.csv");
        CliRunner.Result predict = CliRunner.run(common("predict", "--model", model.toString(), "--dataset",
                root.resolve("hole.csv").toString(), "--target", "stone", "--out", csv.toString(), "--heatmaps",
                dir.resolve("maps").toString()));
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(predict.out().contains("image AUROC"), predict.out());
        assertEquals(PredictionsCsv.COLUMNS, List.of(Files.readAllLines(csv).get(0).split(",")));
        List<PredictionsCsv.Row> rows = PredictionsCsv.read(csv);
        assertEquals(4, rows.size(), "stone: 2 good + 2 hole test images");
        assertTrue(rows.stream().allMatch(r -> r.category().equals("stone") && r.predictedLabel() != null));
        assertEquals(2, rows.stream().filter(r -> r.label() == 1 && r.defectType().equals("hole")).count());
        try (var maps = Files.list(dir.resolve("maps"))) {
            assertEquals(4, maps.count());
        }
        // Defect regions: refused without a map threshold (before any work), written with one.
        Path regions = dir.resolve("regions.csv");
        String[] withRegions = common("predict", "--model", model.toString(), "--dataset",
                root.resolve("hole.csv").toString(), "--target", "stone", "--out", dir.resolve("pred-r.csv").toString(),
                "--regions", regions.toString());
        CliRunner.Result noThreshold = CliRunner.run(withRegions);
        assertEquals(2, noThreshold.exitCode(), noThreshold.err());
        assertTrue(noThreshold.err().contains("--region-threshold"), noThreshold.err());
        String[] thresholded = java.util.Arrays.copyOf(withRegions, withRegions.length + 2);
        thresholded[withRegions.length] = "--region-threshold";
        thresholded[withRegions.length + 1] = "-1000";
        CliRunner.Result r = CliRunner.run(thresholded);
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(regions);
        assertEquals(org.crossdefect.core.report.RegionsCsv.COLUMNS, List.of(lines.get(0).split(",")));
        assertEquals(5, lines.size(), "a threshold below every map value: one region per test image");
        // The map covers the centre crop: 224 of 256 resized pixels, so 56 of a 64 px image from pixel 4.
        assertTrue(lines.get(1).contains(",1,4,4,56,56,3136,"), lines.get(1));
        // Heatmaps that cannot be written (here their parent is a file; a full disk is the same):
        // one command, one outcome, so no predictions CSV is left either.
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path lonelyCsv = dir.resolve("pred-without-maps.csv");
        CliRunner.Result failedMaps = CliRunner.run(common("predict", "--model", model.toString(), "--dataset",
                root.resolve("hole.csv").toString(), "--target", "stone", "--out", lonelyCsv.toString(), "--heatmaps",
                blocker.resolve("maps").toString()));
        assertTrue(failedMaps.exitCode() != 0, failedMaps.err());
        assertTrue(failedMaps.err().contains("not-a-folder"), failedMaps.err());
        assertTrue(!Files.exists(lonelyCsv), "the CSV is not published without its heatmaps");
        // An existing predictions CSV is refused before any work unless --overwrite.
        byte[] before = Files.readAllBytes(csv);
        String[] predictAgain = common("predict", "--model", model.toString(), "--dataset",
                root.resolve("hole.csv").toString(), "--target", "stone", "--out", csv.toString());
        CliRunner.Result refused = CliRunner.run(predictAgain);
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains(csv.toString()) && refused.err().contains("--overwrite"), refused.err());
        assertArrayEquals(before, Files.readAllBytes(csv), "the CSV is left as it was");
        String[] overwriting = java.util.Arrays.copyOf(predictAgain, predictAgain.length + 1);
        overwriting[predictAgain.length] = "--overwrite";
        assertEquals(0, CliRunner.run(overwriting).exitCode());

        CliRunner.Result again = CliRunner.run(common("train", "--method", "patchcore", "--category", "disc", "--out",
                model.toString()));
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("--overwrite"), again.err());
    }

    @Test
    void singleCategoryPatchCoreWithThreshold() throws Exception {
        Path model = dir.resolve("disc.model");
        assertEquals(0, CliRunner.run(common("train", "--method", "patchcore", "--category", "disc", "--out",
                model.toString(), "--coreset-mode", "bulk")).exitCode());
        Path csv = dir.resolve("disc.csv");
        CliRunner.Result r = CliRunner.run(common("predict", "--model", model.toString(), "--category", "disc",
                "--out", csv.toString(), "--threshold", "3.5"));
        assertEquals(0, r.exitCode(), r.err());
        List<PredictionsCsv.Row> rows = PredictionsCsv.read(csv);
        assertEquals(8, rows.size(), "disc/test: 2 good + 2 x 3 defect kinds");
        for (PredictionsCsv.Row row : rows) {
            assertEquals(row.score() >= 3.5 ? 1 : 0, row.predictedLabel());
        }
    }

    /**
     * --image-size: the network sees a larger square, the grid follows, the model
     * records the size so predict embeds at it, and the store keeps each size's embeddings apart.
     */
    @Test
    void anImageSizeOtherThanThePapersTrainsAndPredictsAtThatSize() throws Exception {
        Path model = dir.resolve("disc-448.model");
        CliRunner.Result train = CliRunner.run(common("train", "--method", "patchcore", "--category", "disc",
                "--image-size", "448", "--out", model.toString()));
        assertEquals(0, train.exitCode(), train.err());
        org.crossdefect.core.model.ModelInfo info = org.crossdefect.core.model.ModelFile.read(model).info();
        assertEquals(448, info.imageSize());
        assertEquals(56, info.gridHeight(), "MobileNetV1's stride-8 grid of a 448 px input");
        assertTrue(info.backboneId().endsWith("@448px"), info.backboneId());
        // A backbone at another size (a KNIME Backbone Loader left at 224) is refused, naming the setting.
        try (org.crossdefect.core.backbone.Backbone at224 = org.crossdefect.core.backbone.Backbone.load(
                org.crossdefect.core.backbone.BackboneSpec.of(org.crossdefect.core.backbone.Architecture.MOBILENET_V1)
                        .withDevice("cpu").withWeightsDir(SharedData.root().resolve("backbones")))) {
            org.crossdefect.core.error.IncompatibleException other = org.junit.jupiter.api.Assertions.assertThrows(
                    org.crossdefect.core.error.IncompatibleException.class, () -> info.requireBackbone(at224));
            assertTrue(other.getMessage().contains("set image-size to 448"), other.getMessage());
        }
        Path csv = dir.resolve("disc-448.csv");
        CliRunner.Result predict = CliRunner.run(common("predict", "--model", model.toString(), "--category", "disc",
                "--out", csv.toString()));
        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals(8, PredictionsCsv.read(csv).size(), "disc's 2 good and 2 images of each of 3 defects");
        CliRunner.Result bad = CliRunner.run(common("train", "--method", "patchcore", "--category", "disc",
                "--image-size", "300", "--out", dir.resolve("disc-300.model").toString()));
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("image-size") && bad.err().contains("448, 672 or 896"), bad.err());
    }

    @Test
    void usageErrors() throws Exception {
        CliRunner.Result neither = CliRunner.run(common("train", "--method", "patchcore", "--out",
                dir.resolve("x.model").toString()));
        assertEquals(2, neither.exitCode());
        CliRunner.Result unknown = CliRunner.run(common("train", "--method", "magic", "--category", "disc", "--out",
                dir.resolve("y.model").toString()));
        assertEquals(2, unknown.exitCode(), "a bad option value is wrong usage");
        assertTrue(unknown.err().contains("unknown method 'magic'"), unknown.err());
        assertTrue(!Files.exists(dir.resolve("y.model")));
        // --out that is a folder: refused before any work, naming it.
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        CliRunner.Result folderOut = CliRunner.run(common("train", "--method", "patchcore", "--category", "disc",
                "--out", folder.toString()));
        assertEquals(2, folderOut.exitCode());
        assertTrue(folderOut.err().contains(folder + " is a folder"), folderOut.err());
        CliRunner.Result folderCsv = CliRunner.run(common("predict", "--model", dir.resolve("none.model").toString(),
                "--category", "disc", "--out", folder.toString()));
        assertEquals(2, folderCsv.exitCode());
        assertTrue(folderCsv.err().contains(folder + " is a folder"), folderCsv.err());
        CliRunner.Result missingModel = CliRunner.run(common("predict", "--model", dir.resolve("none.model").toString(),
                "--category", "disc", "--out", dir.resolve("p.csv").toString()));
        assertEquals(1, missingModel.exitCode());
        assertTrue(missingModel.err().contains("none.model"), missingModel.err());
    }

    /**
     * train, embed and predict check the images they use whole before any work, as `datasets`
     * does: wrong-size masks were accepted (Labeled PatchCore trained on 64x64 masks of 128x128
     * images, exit 0) and a broken image stopped the run at the first one.
     */
    @Test
    void everyCommandChecksItsImagesWholeFirst() throws Exception {
        Path bad = dir.resolve("bad-tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 3, 2, 2, 4), bad, false, Progress.NONE);
        List<Path> masks = pngs(bad.resolve("disc/ground_truth/hole"), 2);
        for (Path mask : masks) {
            writeWrongSizeMask(mask);
        }
        Path broken = truncate(pngs(bad.resolve("stone/test/good"), 1).get(0));
        String hole = bad.resolve("hole.csv").toString();
        for (String[] command : List.of(
                new String[] {"train", "--method", "labeled-patchcore", "--dataset", hole, "--target", "stone", "--out",
                    dir.resolve("bad.model").toString()},
                new String[] {"embed", "--dataset", hole, "--out", dir.resolve("bad-store").toString()})) {
            List<String> args = new java.util.ArrayList<>(List.of(common(command)));
            args.set(args.indexOf("--root") + 1, bad.toString());
            if (command[0].equals("embed")) {
                // embed's store is its --out.
                args.remove(args.indexOf("--store") + 1);
                args.remove("--store");
            }
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(1, r.exitCode(), command[0] + ": " + r.err());
            for (Path mask : masks) {
                assertTrue(r.err().contains(mask.getFileName().toString()), command[0] + " names " + mask + ": "
                        + r.err());
            }
            assertTrue(r.err().contains(broken.getFileName().toString()), command[0] + ": " + r.err());
            assertTrue(r.err().contains("32x32"), r.err());
        }
        assertTrue(!Files.exists(dir.resolve("bad.model")));
        assertTrue(!Files.exists(dir.resolve("bad-store")), "nothing embedded before the check");
    }

    /**
     * predict decodes each test image once, in the embedding pass, which checks it as the
     * validator does: every bad test image (a truncated one, a wrong-size mask) is named in one
     * error, exit 1, and no predictions are written; bad images it does not predict are not its concern.
     */
    @Test
    void predictNamesEveryBadTestImageAndWritesNothing() throws Exception {
        Path model = dir.resolve("stone-check.model");
        assertEquals(0, CliRunner.run(common("train", "--method", "patchcore", "--dataset",
                root.resolve("hole.csv").toString(), "--target", "stone", "--out", model.toString())).exitCode());
        Path bad = dir.resolve("bad-test-tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 3, 2, 2, 4), bad, false, Progress.NONE);
        Path mask = writeWrongSizeMask(pngs(bad.resolve("stone/ground_truth/hole"), 1).get(0));
        Path broken = truncate(pngs(bad.resolve("stone/test/good"), 1).get(0));
        Path unused = truncate(pngs(bad.resolve("disc/train/good"), 1).get(0));
        Path csv = dir.resolve("bad-test.csv");
        List<String> args = new java.util.ArrayList<>(List.of(common("predict", "--model", model.toString(),
                "--dataset", bad.resolve("hole.csv").toString(), "--target", "stone", "--out", csv.toString())));
        args.set(args.indexOf("--root") + 1, bad.toString());
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(broken.toString()), r.err());
        assertTrue(r.err().contains(mask.toString()) && r.err().contains("32x32"), r.err());
        assertTrue(!r.err().contains(unused.toString()), "a training image predict does not read: " + r.err());
        assertTrue(!Files.exists(csv));
    }

    /**
     * Defect images without masks: the target's are tested on (predict), a source's that would
     * train a mask-learning method is a clear error naming it.
     */
    @Test
    void masklessDefectImagesAreTestedOnButNeverTrainedOn() throws Exception {
        Path tree = dir.resolve("maskless-tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 3, 2, 2, 4), tree, false, Progress.NONE);
        for (String category : List.of("disc", "stone")) {
            org.crossdefect.core.files.AtomicFiles.deleteRecursively(tree.resolve(category + "/ground_truth/hole"));
        }
        String hole = tree.resolve("hole.csv").toString();
        List<String> semlp = new java.util.ArrayList<>(List.of(common("train", "--method", "semlp", "--dataset", hole,
                "--target", "stone", "--out", dir.resolve("maskless.model").toString())));
        semlp.set(semlp.indexOf("--root") + 1, tree.toString());
        CliRunner.Result refused = CliRunner.run(semlp.toArray(String[]::new));
        assertEquals(1, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("disc/test/hole/") && refused.err().contains("has no ground-truth mask"),
                refused.err());

        List<String> patchcore = new java.util.ArrayList<>(semlp);
        patchcore.set(patchcore.indexOf("semlp"), "patchcore");
        CliRunner.Result trained = CliRunner.run(patchcore.toArray(String[]::new));
        assertEquals(0, trained.exitCode(), "PatchCore learns from good images only: " + trained.err());
        List<String> predict = new java.util.ArrayList<>(List.of(common("predict", "--model",
                dir.resolve("maskless.model").toString(), "--dataset", hole, "--target", "stone", "--out",
                dir.resolve("maskless.csv").toString())));
        predict.set(predict.indexOf("--root") + 1, tree.toString());
        CliRunner.Result predicted = CliRunner.run(predict.toArray(String[]::new));
        assertEquals(0, predicted.exitCode(), predicted.err());
        assertTrue(PredictionsCsv.read(dir.resolve("maskless.csv")).stream().anyMatch(r -> r.label() == 1),
                "the target's maskless defect images are predicted");
    }

    /** @return the first {@code limit} PNGs under a folder, in name order */
    private static List<Path> pngs(Path folder, int limit) throws Exception {
        try (var walk = Files.walk(folder)) {
            return walk.filter(f -> f.toString().endsWith(".png")).sorted().limit(limit).toList();
        }
    }

    /** Replaces a mask by a 32x32 one (its image is 64x64). */
    private static Path writeWrongSizeMask(Path mask) throws Exception {
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(32, 32,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", mask.toFile());
        return mask;
    }

    /** Cuts an image file to its first 40 bytes. */
    private static Path truncate(Path image) throws Exception {
        Files.write(image, java.util.Arrays.copyOf(Files.readAllBytes(image), 40));
        return image;
    }
}
