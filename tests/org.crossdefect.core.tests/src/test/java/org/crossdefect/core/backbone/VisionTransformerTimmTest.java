package org.crossdefect.core.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.image.Normalization;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.crossdefect.core.testing.ReferenceTensors;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.crossdefect.core.runtime.DjlRuntime;

/**
 * Our ViT-B/8 is timm-exact: with deterministic weights it reproduces, in float32, the float64
 * outputs of blocks[5] and blocks[9] (class token dropped, [1, 768, 28, 28]) of a torch copy of
 * timm's vit_base_patch8_224 (src/test/python/vit_b8_reference.py wrote vit_b8_deterministic.json).
 */
class VisionTransformerTimmTest {

    private static JsonObject reference;

    @BeforeAll
    static void readReference() throws Exception {
        try (Reader in = new InputStreamReader(VisionTransformerTimmTest.class
                .getResourceAsStream("vit_b8_deterministic.json"), StandardCharsets.UTF_8)) {
            reference = JsonParser.parseReader(in).getAsJsonObject();
        }
        DjlRuntime.start(0);
    }

    @Test
    void blocks5And9MatchTimm() throws Exception {
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            Weights weights = DeterministicWeights.build(reference.getAsJsonArray("state_dict"), manager);
            assertFirstValues(weights);
            weights.check("vit_b8", Architecture.VIT_B8.expectedTensors("blocks.9"));
            try (FeatureNetwork net = Architecture.VIT_B8.build(weights, "blocks.9", manager.newSubManager());
                    NDManager scope = manager.newSubManager()) {
                NDList out = net.forward(ReferenceTensors.sineInput(scope, 1), List.of("blocks.5", "blocks.9"));
                JsonObject outputs = reference.getAsJsonObject("outputs");
                assertMatches(outputs.getAsJsonObject("blocks.5"), out.get(0), "blocks.5");
                assertMatches(outputs.getAsJsonObject("blocks.9"), out.get(1), "blocks.9");
            }
        }
    }

    @Test
    void namesAndShapesAreTimmsStateDict() {
        // The reference's state dict comes from a module tree with timm's attribute names.
        JsonArray stateDict = reference.getAsJsonArray("state_dict");
        List<TensorSpec> expected = Architecture.VIT_B8.expectedTensors("blocks.11");
        for (int t = 0; t < expected.size(); t++) {
            JsonArray entry = stateDict.get(t).getAsJsonArray();
            assertEquals(entry.get(1).getAsString(), expected.get(t).name(), "entry " + t);
            long[] shape = new long[entry.get(2).getAsJsonArray().size()];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = entry.get(2).getAsJsonArray().get(d).getAsLong();
            }
            assertArrayEquals(shape, expected.get(t).shape(), expected.get(t).name());
        }
        assertEquals(expected.size() + 4, stateDict.size(), "only norm.* and head.* are left over");
        assertEquals(List.of("blocks.5", "blocks.9"), Architecture.VIT_B8.defaultLayers());
        assertEquals(Architecture.VIT_B8, Architecture.parse("vit_base_patch8_224"));
        assertEquals(Architecture.VIT_B8, Architecture.parse("ViT-B8"));
        assertEquals(Normalization.IMAGENET, Architecture.VIT_B8.normalization());
    }

    @Test
    void geluIsTheExactErfForm() throws Exception {
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            float[] y = Activation.gelu(manager.create(new float[] {1f, -2f})).toFloatArray();
            // 0.5 x (1 + erf(x / sqrt 2)); the tanh approximation gives 0.841192 and -0.045402
            assertEquals(0.8413447460685429, y[0], 1e-6);
            assertEquals(-0.04550026389635842, y[1], 1e-6);
        }
    }

    @Test
    void weightsOfAnotherArchitectureNameTheFirstMismatchingTensor() throws Exception {
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            Map<String, NDArray> b16 = new LinkedHashMap<>();
            for (TensorSpec spec : Architecture.VIT_B8.expectedTensors("blocks.9")) {
                long[] shape = spec.shape();
                if (spec.name().equals("pos_embed")) {
                    shape = new long[] {1, 197, 768};
                } else if (spec.name().equals("patch_embed.proj.weight")) {
                    shape = new long[] {768, 3, 16, 16};
                }
                b16.put(spec.name(), manager.zeros(new Shape(shape)));
            }
            BackboneException e = assertThrows(BackboneException.class, () -> Weights.of("vit_base_patch16_224", b16)
                    .check("vit_b8", Architecture.VIT_B8.expectedTensors("blocks.9")));
            assertTrue(e.getMessage().contains("'pos_embed' has shape [1, 197, 768], expected [1, 785, 768]"),
                    e.getMessage());

            JsonObject resnet = JsonParser.parseString(java.nio.file.Files.readString(
                    SharedData.reference("torchvision_deterministic.json"))).getAsJsonObject()
                    .getAsJsonObject("models").getAsJsonObject("resnet18");
            Weights resnet18 = DeterministicWeights.build(resnet.getAsJsonArray("state_dict"), manager);
            BackboneException missing = assertThrows(BackboneException.class,
                    () -> resnet18.check("vit_b8", Architecture.VIT_B8.expectedTensors("blocks.9")));
            assertTrue(missing.getMessage().contains("tensor 'cls_token' is missing"), missing.getMessage());
        }
    }

    private static void assertFirstValues(Weights weights) {
        for (Map.Entry<String, JsonElement> e : reference.getAsJsonObject("weights_check").entrySet()) {
            float[] values = weights.floats(e.getKey());
            JsonArray first4 = e.getValue().getAsJsonObject().getAsJsonArray("first4");
            for (int i = 0; i < 4; i++) {
                assertEquals((float) first4.get(i).getAsDouble(), values[i], e.getKey() + "[" + i + "]");
            }
        }
    }

    /** The common checks, then the fixture's extra indexed values (absolute 1e-4: values are O(1)). */
    private static void assertMatches(JsonObject expected, NDArray actual, String what) {
        float[] values = ReferenceTensors.assertMatches(expected, actual, what);
        long[] shape = actual.getShape().getShape();
        double maxDeviation = 0;
        for (JsonElement element : expected.getAsJsonArray("indexed")) {
            JsonArray ix = element.getAsJsonArray().get(0).getAsJsonArray();
            double e = element.getAsJsonArray().get(1).getAsDouble();
            long flat = ((ix.get(0).getAsLong() * shape[1] + ix.get(1).getAsLong()) * shape[2] + ix.get(2).getAsLong())
                    * shape[3] + ix.get(3).getAsLong();
            assertEquals(e, values[(int) flat], 1e-4, what + " y" + ix);
            maxDeviation = Math.max(maxDeviation, Math.abs(e - values[(int) flat]));
        }
        System.out.printf("%s: max deviation of the indexed values %.3g%n", what, maxDeviation);
    }
}
