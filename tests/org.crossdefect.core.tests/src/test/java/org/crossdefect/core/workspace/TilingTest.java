package org.crossdefect.core.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.data.DomainSplit;
import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.ImageRegion;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.data.MvtecTree;
import org.crossdefect.core.data.SourceSplit;
import org.crossdefect.core.data.Tiling;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.eval.Evaluation;
import org.crossdefect.core.image.Normalization;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.image.RgbPixels;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.ImageScore;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.score.TiledScores;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;
import org.crossdefect.core.testing.Methods;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;

/** Tiles: where they lie, how their scores merge per image, and a tiled model end to end. */
class TilingTest {

    @TempDir
    Path dir;

    @Test
    void squareTilesOfTheShorterSideCoverANonSquareImageWithTheOverlapAsked() {
        // real-dev's commutator: 250 x 640.
        List<ImageRegion> tiles = new Tiling(1, 0.25).regions(640, 250);
        assertEquals(4, tiles.size(), tiles.toString());
        for (ImageRegion t : tiles) {
            assertEquals(250, t.width());
            assertEquals(250, t.height());
            assertEquals(0, t.y());
        }
        assertEquals(0, tiles.get(0).x());
        assertEquals(640 - 250, tiles.get(3).x(), "the last tile ends at the image's edge");
        for (int i = 1; i < tiles.size(); i++) {
            int overlap = tiles.get(i - 1).x() + 250 - tiles.get(i).x();
            assertTrue(overlap >= 0.25 * 250, "neighbours overlap by " + overlap);
        }
        // Two across a 1024 square: 2 x 2 tiles of 586 (not 3 x 3 for a rounding).
        List<ImageRegion> finer = new Tiling(2, 0.25).regions(1024, 1024);
        assertEquals(4, finer.size(), finer.toString());
        assertEquals(586, finer.get(0).width());
        assertEquals(1024 - 586, finer.get(3).x());
        assertEquals(1024 - 586, finer.get(3).y());
    }

    @Test
    void aSquareImageInOneTileIsTheWholeImageAndUntiledIsThePapers() {
        assertEquals(java.util.Collections.singletonList(null), new Tiling(1, 0.25).regions(900, 900),
                "one tile that is the image: the untiled pipeline's embeddings serve it");
        assertEquals(java.util.Collections.singletonList(null), Tiling.WHOLE.regions(640, 250));
        InvalidSettingException tooMany = assertThrows(InvalidSettingException.class, () -> new Tiling(9, 0.25));
        assertTrue(tooMany.getMessage().contains("tiles"), tooMany.getMessage());
        InvalidSettingException overlap = assertThrows(InvalidSettingException.class, () -> new Tiling(1, 0.9));
        assertTrue(overlap.getMessage().contains("tile-overlap"), overlap.getMessage());
    }

    @Test
    void autoIsEachMethodsMeasuredChoiceAndTheResidualMethodsTakeNoTiles() {
        Tiling auto = Tiling.parse("auto", 0.3);
        assertTrue(auto.auto());
        assertEquals(Tiling.WHOLE, auto.resolve(Methods.REGISTRY.get("labeled-patchcore-kshot").tilingWhenAuto()),
                "the fusion's images come whole; its k-shot part cuts its own tiles");
        assertTrue(Methods.REGISTRY.get("labeled-patchcore-kshot").takesTiles(), "but takes them when set");
        assertEquals(new Tiling(1, 0.3), auto.resolve(Methods.REGISTRY.get("patchcore-kshot").tilingWhenAuto()));
        assertEquals(Tiling.WHOLE, auto.resolve(Methods.REGISTRY.get("labeled-patchcore").tilingWhenAuto()),
                "the paper's protocol keeps its whole images");
        assertEquals(Tiling.WHOLE, auto.resolve(Methods.REGISTRY.get("semlp-residual-kshot").tilingWhenAuto()));
        assertTrue(!Methods.REGISTRY.get("semlp-residual-kshot").takesTiles());
        assertEquals(new Tiling(2, 0.25), Tiling.parse("2", 0.25).resolve(Tiling.SQUARE_TILES), "a set tiling stays");
        assertEquals(Tiling.WHOLE, new Tiling(0, 0.6), "whole images have no overlap");
        InvalidSettingException bad = assertThrows(InvalidSettingException.class, () -> Tiling.parse("many", 0.25));
        assertTrue(bad.getMessage().contains("tiles"), bad.getMessage());
        assertThrows(IllegalStateException.class, () -> auto.regions(10, 10), "auto is resolved before cutting");
    }

    @Test
    void aCroppedTileHasTheImagesPixelsInACompactRaster() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | (x + y));
            }
        }
        BufferedImage tile = new ImageRegion(10, 5, 20, 20).crop(image, Path.of("a.png"));
        assertEquals(20, tile.getWidth());
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                assertEquals(image.getRGB(x + 10, y + 5), tile.getRGB(x, y));
            }
        }
        assertNotNull(RgbPixels.plainBytes(tile, BufferedImage.TYPE_3BYTE_BGR), "the fast resize path takes it");
        assertThrows(org.crossdefect.core.data.ImageReadException.class,
                () -> new ImageRegion(30, 5, 20, 20).crop(image, Path.of("a.png")));
    }

    @Test
    void tileScoresMergeIntoTheImagesLargestScoreAndAStitchedMap() {
        ImageRecord image = new ImageRecord(Path.of("a.png"), null, "c", "good", "good", Label.GOOD,
                SourceSplit.TEST);
        ImageRecord other = new ImageRecord(Path.of("b.png"), null, "c", "good", "good", Label.GOOD,
                SourceSplit.TEST);
        // A 100 x 50 image in two 50 x 50 tiles, a 4 x 4 grid each over its centre 224/256.
        Prediction left = new Prediction(image.withRegion(new ImageRegion(0, 0, 50, 50)), grid(1, 1f, false));
        Prediction right = new Prediction(image.withRegion(new ImageRegion(50, 0, 50, 50)), grid(3, 3f, true));
        Prediction whole = new Prediction(other, grid(2, 2f, null));
        Preprocessing input = new Preprocessing(256, 224, Normalization.IMAGENET);
        List<Prediction> merged = TiledScores.merge(List.of(left, right, whole), input, true);
        assertEquals(2, merged.size());
        Prediction m = merged.get(0);
        assertEquals(image, m.image(), "the whole image's record");
        assertNull(m.image().region());
        assertEquals(3, m.score().score(), 0);
        assertEquals(Boolean.TRUE, m.score().anomalous(), "a tile that is defective makes the image defective");
        // Cells of 50 * 0.875 / 4 px: 9 x 5 over 100 x 50.
        assertEquals(9, m.score().gridWidth());
        assertEquals(5, m.score().gridHeight());
        for (int y = 0; y < 5; y++) {
            assertEquals(1f, m.score().patchScores()[y * 9], "left column from the left tile");
            assertEquals(3f, m.score().patchScores()[y * 9 + 8], "right column from the right tile");
        }
        // A square image that is its one tile: its map too is stitched over the whole image (the
        // crop's 4 x 4 cells spread over 5 x 5), so all of a tiled model's maps cover whole images.
        Prediction square = merged.get(1);
        assertEquals(other, square.image());
        assertEquals(2, square.score().score(), 0);
        assertEquals(5, square.score().gridWidth());
        assertEquals(5, square.score().gridHeight());
        List<Prediction> untiled = List.of(whole);
        assertTrue(TiledScores.merge(untiled, input, false) == untiled, "an untiled model's predictions stay");
        assertArrayEquals(new double[] {3, 2}, TiledScores.imageScores(List.of(left.image(), right.image(), other),
                new double[] {1, 3, 2}));
    }

    @Test
    void aTiledModelScoresEachImageOnceKeepsItsTilingAndLocalisesDefects() throws Exception {
        Path root = dir.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 6, 3, 2, 5), root, false, Progress.NONE);
        List<ImageRecord> images = MvtecTree.open(root).datasetImages(org.crossdefect.core.data.DatasetMappings
                .resolve(root.resolve("hole.csv").toString()));
        DomainSplit split = DomainSplitter.split("hole", images, "wood", 0, 0.5);
        List<ImageRecord> shots = DomainSplitter.targetShots(images, "wood", 5, 0);
        BackboneSpec spec = BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu")
                .withWeights(SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors"));
        Tiling tiling = new Tiling(2, 0.25);
        byte[] modelFile;
        List<Prediction> tiled;
        try (Workspace workspace = Workspace.open(spec.withTiling(tiling), dir.resolve("store"), 8)) {
            assertEquals(tiling, workspace.tilingFor(Methods.REGISTRY.get("patchcore")), "a set tiling is every method's");
            TrainingData data = workspace.trainingData(split.train(), split.validation(), 0, true, shots,
                    workspace.tilingFor(Methods.REGISTRY.get("patchcore-kshot")));
            assertEquals(4 * shots.size(), data.targetShots().size(), "2 x 2 tiles of each 64 px shot");
            assertTrue(data.targetShots().stream().allMatch(r -> r.region() != null));
            try (AnomalyModel model = Methods.train("patchcore-kshot", Parameters.of("target-shots", 5), data)) {
                assertEquals(tiling, model.info().tiling());
                List<Prediction> test = workspace.predict(model, split.test(), Progress.NONE);
                assertEquals(split.test().size(), test.size(), "one prediction per image");
                for (int i = 0; i < test.size(); i++) {
                    assertEquals(split.test().get(i), test.get(i).image());
                    assertTrue(test.get(i).score().gridWidth() > 28, "a map stitched over the whole image");
                }
                Evaluation e = Evaluation.of(test, List.of(), workspace.mapsCover(model.info()), 0);
                assertTrue(e.imageAuroc() > 0.8, "tiles still separate synthetic holes: " + e.imageAuroc());
                assertTrue(e.pixelAuroc() > 0.8, "the stitched maps find the holes where the masks are: "
                        + e.pixelAuroc());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                model.write(bytes);
                modelFile = bytes.toByteArray();
                tiled = test;
            }
        }
        try (Workspace untiled = Workspace.open(spec, dir.resolve("store"), 8);
                AnomalyModel back = Methods.REGISTRY.read(new ByteArrayInputStream(modelFile), "test", Device.cpu())) {
            assertEquals(tiling, back.info().tiling(), "the model file keeps its tiling");
            List<Prediction> again = untiled.predict(back, split.test(), Progress.NONE);
            for (int i = 0; i < again.size(); i++) {
                assertEquals(tiled.get(i).score().score(), again.get(i).score().score(), 1e-5,
                        "predict cuts images as the model was trained, whatever the workspace's tiling");
                assertEquals(tiled.get(i).score().gridWidth(), again.get(i).score().gridWidth());
            }
        }
    }

    @Test
    void mapsOfAWholeImagePartAndATiledPartMeetOnTheFinerGridOverTheWholeImage() {
        ImageRecord image = new ImageRecord(Path.of("a.png"), null, "c", "good", "good", Label.GOOD,
                SourceSplit.TEST);
        Preprocessing crop = new Preprocessing(256, 224, Normalization.IMAGENET);
        Preprocessing whole = crop.wholeImage();
        // The whole-image part's 4 x 4 map over the centre crop: column c holds c.
        float[] columns = new float[16];
        for (int i = 0; i < 16; i++) {
            columns[i] = i % 4;
        }
        Prediction wholePart = new Prediction(image, new ImageScore(1, columns, 4, 4, null, null));
        Prediction tiledPart = new Prediction(image, grid(2, 7f, null));
        float[] finer = new float[64];
        Prediction finerTiled = new Prediction(image, new ImageScore(2, finer, 8, 8, null, null));
        List<List<ImageScore>> shared = TiledScores.onSharedGrid(List.of(List.of(wholePart), List.of(tiledPart),
                List.of(finerTiled)), List.of(crop, whole, whole), whole);
        for (List<ImageScore> part : shared) {
            assertEquals(8, part.get(0).gridWidth(), "the finest map over the whole image is the grid");
            assertEquals(8, part.get(0).gridHeight());
        }
        float[] resampled = shared.get(0).get(0).patchScores();
        // Cell x of 8 has its centre at (x + 0.5) / 8 of the image; the crop spans 16/256 .. 240/256.
        assertArrayEquals(new float[] {0, 0, 1, 1, 2, 2, 3, 3}, java.util.Arrays.copyOfRange(resampled, 0, 8),
                "the margin outside the crop takes the crop's nearest patch");
        assertEquals(7f, shared.get(1).get(0).patchScores()[63]);
        assertEquals(1, shared.get(0).get(0).score(), 0, "image scores stay");
        assertThrows(IllegalArgumentException.class, () -> TiledScores.onSharedGrid(List.of(List.of(wholePart)),
                List.of(crop), whole));
    }

    @Test
    void aFusionUnderAutoTakesWholeImagesForItsCrossCategoryPartAndTilesForItsKShotBank() throws Exception {
        Path root = dir.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 6, 3, 2, 5), root, false, Progress.NONE);
        List<ImageRecord> images = MvtecTree.open(root).datasetImages(org.crossdefect.core.data.DatasetMappings
                .resolve(root.resolve("hole.csv").toString()));
        DomainSplit split = DomainSplitter.split("hole", images, "wood", 0, 0.5);
        List<ImageRecord> shots = DomainSplitter.targetShots(images, "wood", 5, 0);
        BackboneSpec spec = BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu")
                .withWeights(SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors"));
        String method = "labeled-patchcore-kshot";
        byte[] modelFile;
        List<Prediction> fused;
        try (Workspace workspace = Workspace.open(spec.withTiling(Tiling.AUTO), dir.resolve("store"), 8)) {
            TrainingData data = workspace.trainingData(split.train(), split.validation(), 0, true, shots,
                    workspace.tilingFor(Methods.REGISTRY.get(method)));
            try (AnomalyModel model = Methods.train(method, Parameters.of("target-shots", 5), data)) {
                assertEquals(2, model.separateParts().size(), "two parts that cut images differently");
                assertEquals(Tiling.WHOLE, model.separateParts().get(0).info().tiling());
                assertEquals(Tiling.SQUARE_TILES, model.separateParts().get(1).info().tiling());
                assertEquals(Tiling.SQUARE_TILES, model.info().tiling(), "its maps cover whole images");
                fused = workspace.predict(model, split.test(), Progress.NONE);
                assertEquals(split.test().size(), fused.size(), "one prediction per image");
                for (int i = 0; i < fused.size(); i++) {
                    assertEquals(split.test().get(i), fused.get(i).image());
                    assertNotNull(fused.get(i).score().anomalous(), "the good-images-only threshold decides");
                }
                Evaluation e = Evaluation.of(fused, List.of(), workspace.mapsCover(model.info()), 0);
                assertTrue(e.imageAuroc() > 0.8, "the fusion separates synthetic holes: " + e.imageAuroc());
                assertTrue(e.pixelAuroc() > 0.8, "its fused maps find the holes where the masks are: " + e.pixelAuroc());
                org.crossdefect.core.embed.PatchSource embeddings = workspace.extractor().embeddings(split.test(),
                        Progress.NONE);
                org.crossdefect.core.error.IncompatibleException oneSource = assertThrows(
                        org.crossdefect.core.error.IncompatibleException.class,
                        () -> model.score(embeddings, Progress.NONE));
                assertTrue(oneSource.getMessage().contains("workspace"), oneSource.getMessage());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                model.write(bytes);
                modelFile = bytes.toByteArray();
            }
        }
        try (Workspace whole = Workspace.open(spec.withTiling(Tiling.WHOLE), dir.resolve("store"), 8);
                AnomalyModel back = Methods.REGISTRY.read(new ByteArrayInputStream(modelFile), "test", Device.cpu())) {
            assertEquals(2, back.separateParts().size(), "the model file keeps each part's cut");
            List<Prediction> again = whole.predict(back, split.test(), Progress.NONE);
            for (int i = 0; i < again.size(); i++) {
                assertEquals(fused.get(i).score().score(), again.get(i).score().score(), 1e-5);
                assertArrayEquals(fused.get(i).score().patchScores(), again.get(i).score().patchScores(), 1e-5f);
            }
        }
    }

    private static ImageScore grid(double score, float value, Boolean anomalous) {
        float[] patches = new float[16];
        java.util.Arrays.fill(patches, value);
        return new ImageScore(score, patches, 4, 4, anomalous, null);
    }
}
