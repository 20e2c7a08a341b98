package org.crossdefect.core.miro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.backbone.TrainableNetwork;
import org.crossdefect.core.data.DatasetMappings;
import org.crossdefect.core.data.DomainSplit;
import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.data.MvtecTree;
import org.crossdefect.core.data.Role;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;
import org.crossdefect.core.testing.SharedData;
import org.crossdefect.core.workspace.MethodRegistry;
import org.crossdefect.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The three MIRO methods share one fine-tuning, predict through the fine-tuned backbone, read
 * back from their files, and the classifier's score is the fine-tuned network's P(anomalous).
 */
class MiroMethodsTest {

    @TempDir
    Path dir;

    @Test
    void oneFineTuningServesAllThreeAndTheClassifierScoreIsTheNetworksProbability() throws Exception {
        Path root = dir.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 3, 2, 2, 5), root, false, Progress.NONE);
        DomainSplit split = DomainSplitter.split("hole", MvtecTree.open(root).datasetImages(DatasetMappings.read(
                root.resolve("hole.csv"))), "wood", 0, 0.5);
        BackboneSpec spec = BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu")
                .withWeights(SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors"));
        MethodRegistry registry = MethodRegistry.builtIn();
        assertFalse(registry.defaultIds().contains("miro"), "fine-tuning methods run when named");
        assertTrue(registry.ids().containsAll(List.of("miro", "semlp-miro", "patchcore-miro")));
        Parameters few = Parameters.of("miro-steps", 2);
        Path store = dir.resolve("store");
        try (Workspace workspace = Workspace.open(spec, store, 8)) {
            TrainingData data = new TrainingData(split.images(Role.TRAIN), split.images(Role.VALIDATION), 0, true,
                    workspace.extractor());
            try (AnomalyModel miro = registry.fit("miro", few, data, Device.cpu(), Progress.NONE);
                    AnomalyModel semlp = registry.fit("semlp-miro", few, data, Device.cpu(), Progress.NONE);
                    AnomalyModel patchcore = registry.fit("patchcore-miro", few, data, Device.cpu(), Progress.NONE)) {
                try (var files = Files.list(store.resolve(MiroFineTuning.FOLDER))) {
                    assertEquals(1, files.count(), "one fine-tuning for the three methods");
                }
                Path tuned = miro.backboneWeights().orElseThrow();
                assertEquals(tuned, semlp.backboneWeights().orElseThrow());
                Map<String, String> manifest = TrainableNetwork.manifest(tuned);
                assertEquals(MiroFineTuning.FORMAT, manifest.get(MiroFineTuning.FORMAT_KEY));
                assertEquals("mobilenet_v1", manifest.get("base.architecture"));
                assertEquals("0", manifest.get("seed"));
                assertNotEquals(workspace.backbone().id(), semlp.info().backboneId(), "its own store identity");
                assertEquals("semlp-miro", semlp.info().method());
                assertEquals(List.of("blocks.12"), miro.info().layers(), "the classifier reads the last stage");

                List<Prediction> test = workspace.predict(miro, split.test(), Progress.NONE);
                List<Prediction> semlpTest = workspace.predict(semlp, split.test(), Progress.NONE);
                assertEquals(split.test().size(), workspace.predict(patchcore, split.test(), Progress.NONE).size());

                // The classifier's score is the fine-tuned network's softmax, computed here directly.
                float[][] head = MiroFineTuning.head(tuned);
                Preprocessing pre = workspace.backbone().preprocessing();
                try (NDManager m = DjlRuntime.newManager(Device.cpu());
                        TrainableNetwork net = TrainableNetwork.load(spec.withWeights(tuned), m);
                        NDManager scope = net.manager().newSubManager()) {
                    for (int i = 0; i < 3; i++) {
                        float[] x = pre.input(ImageFiles.read(split.test().get(i).image()));
                        NDList stages = net.stages(scope.create(x, new Shape(1, 3, 224, 224)));
                        float[] logits = MiroTrainer.logits(stages.get(stages.size() - 1),
                                scope.create(head[0], new Shape(2, head[0].length / 2)), scope.create(head[1]))
                                .toFloatArray();
                        double p = 1 / (1 + Math.exp(logits[0] - logits[1]));
                        assertEquals(p, test.get(i).score().score(), 1e-4, "image " + i);
                    }
                }

                // Written and read back, the models score the same through the fine-tuned backbone.
                for (AnomalyModel model : List.of(miro, semlp)) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    model.write(bytes);
                    try (AnomalyModel back = registry.read(new ByteArrayInputStream(bytes.toByteArray()), "mem",
                            Device.cpu());
                            Backbone b = Backbone.load(spec.withWeights(tuned).withLayers(model.info().layers()))) {
                        assertEquals(model.info(), back.info());
                        List<Prediction> again = Workspace.predict(back, workspace.extractor().sibling(b),
                                split.test(), Progress.NONE);
                        List<Prediction> first = model == miro ? test : semlpTest;
                        for (int i = 0; i < again.size(); i++) {
                            assertEquals(first.get(i).score().score(), again.get(i).score().score(), 1e-9);
                        }
                    }
                }
            }
        }
    }

    /** Without validation images the epochs have no accuracy: the fine-tuning is still written. */
    @Test
    void aFineTuningWithoutValidationImagesIsKept() throws Exception {
        Path root = dir.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 3, 2, 2, 6), root, false, Progress.NONE);
        DomainSplit split = DomainSplitter.split("hole", MvtecTree.open(root).datasetImages(DatasetMappings.read(
                root.resolve("hole.csv"))), "wood", 0, 0.5);
        BackboneSpec spec = BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu")
                .withWeights(SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors"));
        try (Workspace workspace = Workspace.open(spec, dir.resolve("store"), 8)) {
            TrainingData data = new TrainingData(split.images(Role.TRAIN), List.of(), 0, true, workspace.extractor());
            try (AnomalyModel miro = MethodRegistry.builtIn().fit("miro", Parameters.of("miro-steps", 1), data,
                    Device.cpu(), Progress.NONE)) {
                Map<String, String> manifest = TrainableNetwork.manifest(miro.backboneWeights().orElseThrow());
                assertTrue(manifest.get("history").contains("NaN"), manifest.get("history"));
                assertEquals("0", manifest.get("validation.images"));
            }
        }
    }
}
