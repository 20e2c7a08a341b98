package org.crossdefect.core.semlp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.data.DatasetMapping;
import org.crossdefect.core.data.DatasetMappings;
import org.crossdefect.core.data.DomainSplit;
import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.data.MvtecTree;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.error.IncompatibleException;
import org.crossdefect.core.error.UnsuitableDataException;
import org.crossdefect.core.eval.Auroc;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.patchcore.PatchCoreMethod;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.testing.Methods;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEMLP across categories on the synthetic generator's tree with MobileNetV1 (real weights):
 * leave-one-domain-out with the unseen target "disc", binary and with a defect-type head.
 */
class SemlpTransferTest {

    static final String TARGET = System.getProperty("semlp.target", "disc");

    @TempDir
    static Path shared;

    static Backbone backbone;
    static EmbeddingExtractor extractor;
    static MvtecTree tree;
    static Path root;

    @BeforeAll
    static void setUp() throws Exception {
        root = shared.resolve("tree");
        long t0 = System.nanoTime();
        SyntheticMvtecGenerator.generate(SynthSpec.standard(96, 6, 6, 6, 11), root, false, Progress.NONE);
        tree = MvtecTree.open(root);
        backbone = Backbone.load(BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu")
                .withWeights(SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors")));
        extractor = EmbeddingExtractor.create(backbone, shared.resolve("store"), 8, 2);
        long t1 = System.nanoTime();
        System.out.printf("semlp fixture: tree + backbone %.1f s%n", (t1 - t0) / 1e9);
    }

    @AfterAll
    static void tearDown() {
        backbone.close();
    }

    static DomainSplit split(String... kinds) throws Exception {
        List<DatasetMapping> parts = new ArrayList<>();
        for (String kind : kinds) {
            parts.add(DatasetMappings.read(root.resolve(kind + ".csv")));
        }
        DatasetMapping mapping = parts.size() == 1 ? parts.get(0) : DatasetMapping.union(String.join("+", kinds), parts);
        return DomainSplitter.split(mapping.name(), tree.datasetImages(mapping), TARGET, 0,
                DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION);
    }

    static double auroc(List<Prediction> predictions) {
        float[] scores = new float[predictions.size()];
        boolean[] labels = new boolean[predictions.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) predictions.get(i).score().score();
            labels[i] = predictions.get(i).image().label() == Label.ANOMALOUS;
        }
        return Auroc.of(scores, labels);
    }

    /** SEMLP settings; -Dsemlp.learning-rate=..., -Dsemlp.epochs=..., -Dsemlp.batch-size=... for experiments. */
    static Parameters semlp() {
        Parameters p = Parameters.NONE;
        for (String key : List.of("learning-rate", "epochs", "batch-size")) {
            if (System.getProperty("semlp." + key) != null) {
                p = p.with(key, System.getProperty("semlp." + key));
            }
        }
        return p;
    }

    @Test
    void holeTransferToUnseenCategoryAurocAtLeast090() throws Exception {
        DomainSplit split = split("hole");
        long t0 = System.nanoTime();
        extractor.embeddings(split.train(), Progress.NONE);
        extractor.embeddings(split.test(), Progress.NONE);
        long t1 = System.nanoTime();
        double semlp;
        double patchcore;
        long t2;
        long t3;
        try (AnomalyModel model = Methods.train(SemlpMethod.ID, semlp(), split.train(), 0, extractor)) {
            t2 = System.nanoTime();
            semlp = auroc(Methods.predict(model, extractor, split.test()));
            t3 = System.nanoTime();
            System.out.println("semlp history " + ((SemlpModel) model).history());
        }
        try (AnomalyModel model = Methods.train(PatchCoreMethod.ID, Parameters.NONE, split.train(), 0, extractor)) {
            patchcore = auroc(Methods.predict(model, extractor, split.test()));
        }
        System.out.printf("semlp hole -> %s: %d train, %d test images; image AUROC SEMLP %.4f, PatchCore %.4f; "
                + "embed %.1f s, SEMLP fit %.2f s, predict %.2f s%n", TARGET, split.train().size(), split.test().size(),
                semlp, patchcore, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        assertTrue(semlp >= 0.90, "SEMLP image AUROC " + semlp);
    }

    @Test
    void typeHeadTellsHoleCutColorApartOnUnseenCategory() throws Exception {
        DomainSplit split = split("hole", "cut", "color");
        long t0 = System.nanoTime();
        try (AnomalyModel model = Methods.train(SemlpMethod.ID, semlp().with("type-head", true), split.train(), 0,
                extractor)) {
            long t1 = System.nanoTime();
            assertEquals(List.of("good", "color", "cut", "hole"), ((SemlpModel) model).classes());
            List<Prediction> predictions = Methods.predict(model, extractor, split.test());
            int right = 0;
            int anomalous = 0;
            StringBuilder confusion = new StringBuilder();
            for (Prediction p : predictions) {
                assertNotNull(p.score().defectType());
                if (p.image().label() == Label.ANOMALOUS) {
                    anomalous++;
                    if (p.image().defectType().equals(p.score().defectType())) {
                        right++;
                    }
                    confusion.append(p.image().defectType()).append("->").append(p.score().defectType()).append(' ');
                }
            }
            double accuracy = (double) right / anomalous;
            System.out.printf("semlp type head hole+cut+color -> %s: %d train images, type accuracy %d/%d = %.3f "
                    + "(chance 0.333), image AUROC %.4f, fit %.2f s%n  %s%n", TARGET, split.train().size(), right,
                    anomalous, accuracy, auroc(predictions), (t1 - t0) / 1e9, confusion);
            assertTrue(accuracy >= 0.7, "type accuracy " + accuracy);
        }
    }

    @Test
    void trainingRejectsBadInputBeforeAnyTraining() throws Exception {
        DomainSplit split = split("hole");
        List<ImageRecord> goodOnly = split.train().stream().filter(r -> r.label() == Label.GOOD).toList();
        long embedded = extractor.forwardImages();
        UnsuitableDataException noDefects = assertThrows(UnsuitableDataException.class,
                () -> Methods.train(SemlpMethod.ID, Parameters.NONE, goodOnly, 0, extractor));
        assertTrue(noDefects.getMessage().contains(goodOnly.size() + " good and 0 defect images"),
                noDefects.getMessage());
        List<ImageRecord> defectsOnly = split.train().stream().filter(r -> r.label() == Label.ANOMALOUS).toList();
        UnsuitableDataException noGood = assertThrows(UnsuitableDataException.class,
                () -> Methods.train(SemlpMethod.ID, Parameters.NONE, defectsOnly, 0, extractor));
        assertTrue(noGood.getMessage().contains("add good images"), noGood.getMessage());
        assertEquals(embedded, extractor.forwardImages(), "nothing embedded before the checks");

        // A model of this backbone never scores embeddings of another one (other layers).
        try (Backbone other = Backbone.load(BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu")
                .withWeights(SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors"))
                .withLayers(List.of("blocks.5")));
                AnomalyModel model = Methods.train(SemlpMethod.ID, Parameters.of("epochs", 1), split.train(), 0,
                        extractor)) {
            EmbeddingExtractor otherExtractor = EmbeddingExtractor.create(other, shared.resolve("store"), 8, 1);
            IncompatibleException mixed = assertThrows(IncompatibleException.class,
                    () -> Methods.predict(model, otherExtractor, split.test()));
            assertTrue(mixed.getMessage().contains(other.id()), mixed.getMessage());
            assertEquals(0, otherExtractor.forwardImages(), "nothing embedded before the check");
            // A store folder of one backbone is refused for another.
            IncompatibleException store = assertThrows(IncompatibleException.class, () -> new EmbeddingExtractor(
                    backbone, otherExtractor.store(), 8, 1));
            assertTrue(store.getMessage().contains("holds embeddings of " + other.id()), store.getMessage());
        }
    }
}
