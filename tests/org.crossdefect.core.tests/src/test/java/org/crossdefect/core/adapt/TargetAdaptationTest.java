package org.crossdefect.core.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.data.DomainSplit;
import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.data.MvtecTree;
import org.crossdefect.core.data.SourceSplit;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.error.UnsuitableDataException;
import org.crossdefect.core.eval.Auroc;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;
import org.crossdefect.core.testing.Methods;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;

/** k-shot PatchCore and the fusions: what they learn from, that they never see test images, model files. */
class TargetAdaptationTest {

    @TempDir
    static Path dir;

    static Backbone backbone;
    static EmbeddingExtractor extractor;
    static List<ImageRecord> images;

    @BeforeAll
    static void setUp() throws Exception {
        Path root = dir.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 6, 3, 2, 5), root, false, Progress.NONE);
        images = MvtecTree.open(root).datasetImages(org.crossdefect.core.data.DatasetMappings.resolve(
                root.resolve("hole.csv").toString()));
        backbone = Backbone.load(BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu")
                .withWeights(SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors")));
        extractor = EmbeddingExtractor.create(backbone, dir.resolve("store"), 8, 1);
    }

    @AfterAll
    static void tearDown() {
        backbone.close();
    }

    @Test
    void shotsAreSeededGoodTrainingImagesOfTheTargetNeverTestImages() {
        List<ImageRecord> shots = DomainSplitter.targetShots(images, "wood", 4, 7);
        assertEquals(4, shots.size());
        assertTrue(shots.stream().allMatch(r -> r.category().equals("wood") && r.split() == SourceSplit.TRAIN
                && r.label() == Label.GOOD), shots.toString());
        assertEquals(shots, DomainSplitter.targetShots(images, "wood", 4, 7), "seeded");
        assertNotEquals(shots, DomainSplitter.targetShots(images, "wood", 4, 8), "another seed, other shots");
        assertEquals(6, DomainSplitter.targetShots(images, "wood", 50, 7).size(), "all there are when fewer than k");
        DomainSplit split = DomainSplitter.split("hole", images, "wood", 7, 0.5);
        assertTrue(shots.stream().noneMatch(split.test()::contains));
        assertTrue(shots.stream().noneMatch(split.train()::contains), "the target never trains the strict part");
    }

    @Test
    void kShotAndFusionLearnTheTargetAndRoundTripThroughTheirModelFiles() throws Exception {
        DomainSplit split = DomainSplitter.split("hole", images, "wood", 0, 0.5);
        List<ImageRecord> shots = DomainSplitter.targetShots(images, "wood", 5, 0);
        TrainingData data = new TrainingData(split.train(), split.validation(), 0, true, extractor, shots);
        for (String method : List.of("patchcore-kshot", "labeled-patchcore-kshot")) {
            try (AnomalyModel model = Methods.train(method, Parameters.of("target-shots", 5), data)) {
                assertEquals(method, model.info().method());
                separatesHolesAndRoundTrips(model, method, split.test());
            }
        }
        // Calibrated on the target's good images: other good images of the target land near 0, defects above.
        try (AnomalyModel fused = Methods.train("labeled-patchcore-kshot", Parameters.NONE, data)) {
            List<Prediction> test = Methods.predict(fused, extractor, split.test());
            double good = test.stream().filter(p -> p.image().label() == Label.GOOD)
                    .mapToDouble(p -> p.score().score()).average().orElseThrow();
            double defects = test.stream().filter(p -> p.image().label() == Label.ANOMALOUS)
                    .mapToDouble(p -> p.score().score()).average().orElseThrow();
            assertTrue(Math.abs(good) < 4, "good test images on the calibrated scale: " + good);
            assertTrue(defects > good + 2, "defects stand out: " + defects + " vs " + good);
            // The good-images-only threshold (target-fpr 0.05) comes from the shots alone and is the model's decision.
            double threshold = fused.goodOnlyThreshold().orElseThrow();
            assertTrue(test.stream().allMatch(p -> p.score().anomalous() == (p.score().score() >= threshold)));
            long goodCalledBad = test.stream().filter(p -> p.image().label() == Label.GOOD && p.score().anomalous())
                    .count();
            assertTrue(goodCalledBad <= 1, goodCalledBad + " of 3 good test images over the threshold");
            // The three-way band brackets the threshold: review from a higher false-positive rate, reject from a lower one.
            var band = fused.decisionBand().orElseThrow();
            assertTrue(band.review() < threshold && threshold < band.reject(), band + " around " + threshold);
            assertEquals(org.crossdefect.core.score.DecisionBand.REJECT, band.decide(band.reject()));
            assertEquals(org.crossdefect.core.score.DecisionBand.REVIEW, band.decide(threshold));
            assertEquals(org.crossdefect.core.score.DecisionBand.GOOD, band.decide(band.review() - 1e-9));
        }
    }

    @Test
    void theKShotBankKeepsAFractionOfTheShotsPatchesAndStillSeparatesHoles() throws Exception {
        DomainSplit split = DomainSplitter.split("hole", images, "wood", 0, 0.5);
        List<ImageRecord> shots = DomainSplitter.targetShots(images, "wood", 5, 0);
        TrainingData data = new TrainingData(split.train(), split.validation(), 0, true, extractor, shots);
        java.io.ByteArrayOutputStream full = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream quarter = new java.io.ByteArrayOutputStream();
        try (AnomalyModel all = Methods.train("patchcore-kshot", Parameters.of("target-shots", 5,
                "kshot-bank-ratio", 1.0), data);
                AnomalyModel part = Methods.train("patchcore-kshot", Parameters.of("target-shots", 5,
                        "kshot-bank-ratio", 0.25), data)) {
            all.write(full);
            part.write(quarter);
            double ratio = quarter.size() / (double) full.size();
            assertTrue(ratio > 0.2 && ratio < 0.35, "the bank (nearly all of the file) keeps a quarter: " + ratio);
            separatesHolesAndRoundTrips(part, "patchcore-kshot", split.test());
        }
        org.crossdefect.core.error.InvalidSettingException zero = assertThrows(
                org.crossdefect.core.error.InvalidSettingException.class,
                () -> Methods.train("labeled-patchcore-kshot", Parameters.of("kshot-bank-ratio", 0), data));
        assertTrue(zero.getMessage().contains("kshot-bank-ratio"), zero.getMessage());
    }

    @Test
    void aResidualIsEachPatchMinusItsNearestReferencePatchAndAReferenceIsComparedWithTheOthers() throws Exception {
        // Three references of 2 patches in 2-d: image a = {(0,0),(10,0)}, b = {(1,1),(9,0)}, c = {(0,5),(5,5)}.
        List<org.crossdefect.core.embed.PatchEmbeddings> refs = List.of(
                new org.crossdefect.core.embed.PatchEmbeddings("a", 2, 2, new float[] {0, 0, 10, 0}, null),
                new org.crossdefect.core.embed.PatchEmbeddings("b", 2, 2, new float[] {1, 1, 9, 0}, null),
                new org.crossdefect.core.embed.PatchEmbeddings("c", 2, 2, new float[] {0, 5, 5, 5}, null));
        Residuals.References references = Residuals.References.of(org.crossdefect.core.embed.PatchSource.of(refs));
        var query = new org.crossdefect.core.embed.PatchEmbeddings("q", 2, 2, new float[] {0.5f, 0, 5, 6}, new float[] {0,
                1});
        try (Residuals residuals = new Residuals(org.crossdefect.core.runtime.DjlRuntime.newManager(Device.cpu()))) {
            var images = org.crossdefect.core.embed.PatchSource.of(List.of(query, refs.get(0)));
            var seen = residuals.of(images, List.of(references, references));
            // q: (0.5,0) is nearest a's (0,0); (5,6) nearest c's (5,5). Mask fractions stay.
            assertArrayEquals(new float[] {0.5f, 0, 0, 1}, seen.image(0).values(), 1e-6f);
            assertArrayEquals(new float[] {0, 1}, seen.image(0).maskFractions());
            // a is a reference: against b and c only (against itself every residual would be 0).
            assertArrayEquals(new float[] {-1, -1, 1, 0}, seen.image(1).values(), 1e-6f);
            assertArrayEquals(seen.image(1).values(), seen.image(1).values(), "read again: the same");
        }
    }

    @Test
    void residualMethodsLearnOnResidualsAndRoundTripThroughTheirModelFiles() throws Exception {
        DomainSplit split = DomainSplitter.split("hole", images, "wood", 0, 0.5);
        List<ImageRecord> shots = DomainSplitter.targetShots(images, "wood", 3, 0);
        TrainingData data = new TrainingData(split.train(), split.validation(), 0, true, extractor, shots);
        for (String method : List.of("labeled-patchcore-residual", "labeled-patchcore-residual-kshot")) {
            try (AnomalyModel model = Methods.train(method, Parameters.of("target-shots", 3), data)) {
                separatesHolesAndRoundTrips(model, method, split.test());
            }
        }
    }

    @Test
    void withoutShotsTheKShotMethodsSayWhyTheyCannotTrain() {
        DomainSplit split = DomainSplitter.split("hole", images, "wood", 0, 0.5);
        TrainingData strict = new TrainingData(split.train(), split.validation(), 0, true, extractor);
        var none = assertThrows(UnsuitableDataException.class, () -> Methods.train("patchcore-kshot", Parameters.NONE,
                strict));
        assertTrue(none.getMessage().contains("train/good"), none.getMessage());
        TrainingData one = new TrainingData(split.train(), split.validation(), 0, true, extractor,
                DomainSplitter.targetShots(images, "wood", 1, 0));
        var single = assertThrows(UnsuitableDataException.class, () -> Methods.train("semlp-kshot", Parameters.NONE,
                one));
        assertTrue(single.getMessage().contains("at least 2"), single.getMessage());
    }

    @Test
    void theGoodOnlyThresholdSitsInTheNormalTail() {
        assertEquals(1.6449, GoodOnlyThreshold.upperQuantile(0.05), 1e-4);
        assertEquals(2.3263, GoodOnlyThreshold.upperQuantile(0.01), 1e-4);
        assertEquals(0.0, GoodOnlyThreshold.upperQuantile(0.5), 1e-9);
        assertEquals(3.0902, GoodOnlyThreshold.upperQuantile(0.001), 1e-4);
        // Scores 1..5: mean 3, sample sd sqrt(2.5); 5 % of good images above mean + 1.645 sd.
        assertEquals(3 + 1.6449 * Math.sqrt(2.5), GoodOnlyThreshold.of(new double[] {1, 2, 3, 4, 5}, 0.05), 1e-3);
    }

    /** The model separates the synthetic holes and scores the same after its model file is read back. */
    private static void separatesHolesAndRoundTrips(AnomalyModel model, String method, List<ImageRecord> test)
            throws Exception {
        List<Prediction> predicted = Methods.predict(model, extractor, test);
        double auroc = auroc(predicted);
        assertTrue(auroc > 0.8, method + " separates synthetic holes on wood: " + auroc);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        try (AnomalyModel again = Methods.REGISTRY.read(new ByteArrayInputStream(bytes.toByteArray()), "test",
                Device.cpu())) {
            List<Prediction> back = Methods.predict(again, extractor, test);
            for (int i = 0; i < back.size(); i++) {
                assertEquals(predicted.get(i).score().score(), back.get(i).score().score(), 1e-5, method);
            }
        }
    }

    private static double auroc(List<Prediction> predictions) {
        float[] scores = new float[predictions.size()];
        boolean[] labels = new boolean[predictions.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) predictions.get(i).score().score();
            labels[i] = predictions.get(i).image().label() == Label.ANOMALOUS;
        }
        return Auroc.of(scores, labels);
    }
}
