package org.crossdefect.core.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.embed.PatchEmbedder;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The shipped MobileNets with their real ImageNet weights reproduce the reference PatchCore
 * embeddings of bottle/train/good/000 (../shared/reference/patchcore_embeddings.json) within 1e-3.
 */
class MobileNetReferenceTest {

    private static JsonObject models;

    @BeforeAll
    static void readReference() throws Exception {
        models = JsonParser.parseString(Files.readString(SharedData.reference("patchcore_embeddings.json")))
                .getAsJsonObject().getAsJsonObject("models");
    }

    static Path backbones() {
        return SharedData.root().resolve("backbones");
    }

    @ParameterizedTest
    @CsvSource({"mobilenet_v1, mobilenet_v1_1.0_224", "mobilenet_v2, mobilenet_v2_1.0_224"})
    void embeddingOfReferenceCropMatches(String arch, String key) throws Exception {
        Architecture architecture = Architecture.parse(arch);
        JsonObject reference = models.getAsJsonObject(key).getAsJsonObject("embedding");
        BackboneSpec spec = BackboneSpec.of(architecture).withDevice("cpu")
                .withWeights(backbones().resolve(architecture.weightsFileName()));
        try (Backbone backbone = Backbone.load(spec)) {
            assertEquals(reference.get("embedding_dim").getAsInt(), backbone.embeddingDim());
            assertEquals(28, backbone.gridHeight());
            // The reference PNG is already resized and cropped: feed its pixels as they are.
            var image = ImageFiles.read(SharedData.reference("bottle_train_good_000_crop224.png"));
            int[][] rgb = org.crossdefect.core.image.RgbPixels.of(image);
            float[] input = new float[3 * 224 * 224];
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 224 * 224; i++) {
                    input[c * 224 * 224 + i] = architecture.normalization().apply(c, rgb[c][i]);
                }
            }
            try (NDManager scope = backbone.newScope()) {
                NDList maps = backbone.features(scope.create(input, new Shape(1, 3, 224, 224)));
                NDArray e = PatchEmbedder.embed(maps);
                assertArrayEquals(new long[] {1, 784, backbone.embeddingDim()}, e.getShape().getShape());
                float[] values = e.toFloatArray();
                int d = backbone.embeddingDim();
                int shallow = reference.get("shallow_channels").getAsInt();
                for (String patch : List.of("patch_0_0", "patch_13_13", "patch_27_27")) {
                    String[] rc = patch.split("_");
                    int p = Integer.parseInt(rc[1]) * 28 + Integer.parseInt(rc[2]);
                    JsonObject expected = reference.getAsJsonObject(patch);
                    JsonArray first8 = expected.getAsJsonArray("first8");
                    JsonArray deep8 = expected.getAsJsonArray(expected.keySet().stream()
                            .filter(k -> k.startsWith("deep_first8")).findFirst().orElseThrow());
                    double norm = 0;
                    for (int c = 0; c < d; c++) {
                        norm += (double) values[p * d + c] * values[p * d + c];
                    }
                    for (int c = 0; c < 8; c++) {
                        assertEquals(first8.get(c).getAsDouble(), values[p * d + c], 1e-3, patch + " channel " + c);
                        assertEquals(deep8.get(c).getAsDouble(), values[p * d + shallow + c], 1e-3,
                                patch + " deep channel " + c);
                    }
                    assertEquals(expected.get("l2_norm").getAsDouble(), Math.sqrt(norm), 1e-3, patch + " norm");
                }
                double sum = 0;
                for (float v : values) {
                    sum += v;
                }
                double mean = sum / values.length;
                assertEquals(reference.get("all_values_mean").getAsDouble(), mean, 1e-5);
                assertTrue(Math.abs(reference.get("sum").getAsDouble() - sum) < 1e-5 * Math.abs(sum),
                        "sum " + sum + " vs " + reference.get("sum"));
            }
        }
    }
}
