package org.crossdefect.core.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The trainable networks (real batch norms, DJL blocks) compute what the folded inference
 * networks compute, and a network saved as a weights file loads back as an ordinary backbone.
 */
class TrainableNetworkTest {

    @TempDir
    Path dir;

    private static final Path MOBILENET_V1 = SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors");

    @Test
    void mobileNetV1StagesEqualTheFoldedBackbone() throws Exception {
        BackboneSpec spec = BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu").withWeights(MOBILENET_V1);
        assertStagesEqualFolded(spec, List.of("blocks.5", "blocks.11"));
    }

    @Test
    void mobileNetV2StagesEqualTheFoldedBackbone() throws Exception {
        BackboneSpec spec = BackboneSpec.of(Architecture.MOBILENET_V2).withDevice("cpu")
                .withWeights(SharedData.root().resolve("backbones/mobilenet_v2_1.0_224.safetensors"));
        assertStagesEqualFolded(spec, List.of("blocks.3", "blocks.6", "blocks.10", "blocks.16"));
    }

    @Test
    void resNet18StagesEqualTheFoldedBackbone() throws Exception {
        BackboneSpec spec = BackboneSpec.of(Architecture.RESNET18).withDevice("cpu").withRandomWeights()
                .withLayers(List.of("layer1", "layer2", "layer3", "layer4"));
        assertStagesEqualFolded(spec, spec.layers());
    }

    private void assertStagesEqualFolded(BackboneSpec spec, List<String> layers) throws Exception {
        try (Backbone folded = Backbone.load(spec.withLayers(layers));
                NDManager root = DjlRuntime.newManager(Device.cpu());
                TrainableNetwork net = TrainableNetwork.load(spec, root);
                NDManager scope = net.manager().newSubManager();
                NDManager foldedScope = folded.newScope()) {
            float[] image = randomImage(2, 7);
            NDList stages = net.stages(scope.create(image, new Shape(2, 3, 224, 224)));
            NDList maps = folded.features(foldedScope.create(image, new Shape(2, 3, 224, 224)));
            for (int i = 0; i < layers.size(); i++) {
                NDArray trained = stages.get(net.stageNames().indexOf(layers.get(i)));
                assertEquals(maps.get(i).getShape(), trained.getShape(), layers.get(i));
                float[] a = trained.toFloatArray();
                float[] b = maps.get(i).toFloatArray();
                double largest = 0;
                double scale = 0;
                for (int j = 0; j < a.length; j++) {
                    largest = Math.max(largest, Math.abs(a[j] - b[j]));
                    scale = Math.max(scale, Math.abs(b[j]));
                }
                // Folding rounds the weights once: equal up to float32 rounding of the sums.
                assertTrue(largest <= 1e-4 * Math.max(1, scale), layers.get(i) + ": largest difference " + largest
                        + " at scale " + scale);
            }
        }
    }

    @Test
    void aSavedNetworkLoadsBackAsABackboneWithItsManifestAndANewIdentity() throws Exception {
        BackboneSpec spec = BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu").withWeights(MOBILENET_V1);
        Path file = dir.resolve("tuned.safetensors");
        try (NDManager root = DjlRuntime.newManager(Device.cpu()); TrainableNetwork net = TrainableNetwork.load(spec, root)) {
            String before = net.checksum();
            net.save(file, Map.of("crossdefect.base", "mobilenet_v1"), false);
            assertEquals(Map.of("crossdefect.base", "mobilenet_v1"), SafetensorsFile.metadata(file));
            try (NDManager other = DjlRuntime.newManager(Device.cpu());
                    TrainableNetwork reloaded = TrainableNetwork.load(spec.withWeights(file), other)) {
                assertEquals(before, reloaded.checksum(), "the file holds every tensor exactly");
            }
        }
        try (Backbone base = Backbone.load(spec); Backbone tuned = Backbone.load(spec.withWeights(file))) {
            assertFalse(base.id().equals(tuned.id()), "another file is another identity in the embedding store");
            assertEquals(base.embeddingDim(), tuned.embeddingDim());
        }
        assertThrows(org.crossdefect.core.error.OutputExistsException.class,
                () -> {
                    try (NDManager root = DjlRuntime.newManager(Device.cpu());
                            TrainableNetwork net = TrainableNetwork.load(spec, root)) {
                        net.save(file, Map.of(), false);
                    }
                });
    }

    @Test
    void architecturesWithoutTrainableBlocksAreRefusedWithTheReason() {
        try (NDManager root = DjlRuntime.newManager(Device.cpu())) {
            BackboneException e = assertThrows(BackboneException.class, () -> TrainableNetwork.load(
                    BackboneSpec.of(Architecture.VIT_B8).withDevice("cpu").withRandomWeights(), root));
            assertTrue(e.getMessage().contains("vit_b8") && e.getMessage().contains("mobilenet_v1"), e.getMessage());
        }
    }

    static float[] randomImage(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * 3 * 224 * 224];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        return x;
    }
}
