package org.crossdefect.core.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Our ResNets are torchvision-exact: with the reference's deterministic weights they reproduce
 * torchvision's layer2 and layer3 outputs (../shared/reference/torchvision_deterministic.json).
 */
class ResNetTorchvisionTest {

    private static JsonObject models;

    @BeforeAll
    static void readReference() throws Exception {
        models = JsonParser.parseString(Files.readString(SharedData.reference("torchvision_deterministic.json")))
                .getAsJsonObject().getAsJsonObject("models");
        DjlRuntime.start(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "resnet50", "wide_resnet50_2"})
    void layer2AndLayer3MatchTorchvision(String arch) throws Exception {
        ResNet.Config config = switch (arch) {
            case "resnet18" -> ResNet.Config.RESNET18;
            case "resnet50" -> ResNet.Config.RESNET50;
            default -> ResNet.Config.WIDE_RESNET50_2;
        };
        JsonObject reference = models.getAsJsonObject(arch);
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            Weights weights = DeterministicWeights.build(reference.getAsJsonArray("state_dict"), manager);
            weights.check(arch, ResNet.expectedTensors(config, "layer3"));
            try (ResNet net = ResNet.build(config, weights, "layer3", manager.newSubManager())) {
                NDList out = net.forward(sineInput(manager), List.of("layer2", "layer3"));
                assertMatches(reference.getAsJsonObject("layer2"), out.get(0), arch + " layer2");
                assertMatches(reference.getAsJsonObject("layer3"), out.get(1), arch + " layer3");
            }
        }
    }

    @Test
    void weightsOfAnotherArchitectureNameTheFirstMismatchingTensor() throws Exception {
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            Weights resnet50 = DeterministicWeights.build(models.getAsJsonObject("resnet50")
                    .getAsJsonArray("state_dict"), manager);
            BackboneException e = assertThrows(BackboneException.class, () -> resnet50.check("wide_resnet50_2",
                    ResNet.expectedTensors(ResNet.Config.WIDE_RESNET50_2, "layer3")));
            assertTrue(e.getMessage().contains("'layer1.0.conv1.weight' has shape [64, 64, 1, 1], expected "
                    + "[128, 64, 1, 1]"), e.getMessage());
            Weights resnet18 = DeterministicWeights.build(models.getAsJsonObject("resnet18")
                    .getAsJsonArray("state_dict"), manager);
            BackboneException missing = assertThrows(BackboneException.class, () -> resnet18.check("resnet50",
                    ResNet.expectedTensors(ResNet.Config.RESNET50, "layer3")));
            assertTrue(missing.getMessage().contains("'layer1.0.conv1.weight' has shape [64, 64, 3, 3]")
                    || missing.getMessage().contains("'layer1.0.conv3.weight' is missing"), missing.getMessage());
        }
    }

    static NDArray sineInput(NDManager manager) {
        float[] x = new float[3 * 224 * 224];
        for (int c = 0; c < 3; c++) {
            for (int h = 0; h < 224; h++) {
                for (int w = 0; w < 224; w++) {
                    x[(c * 224 + h) * 224 + w] = (float) Math.sin(0.01 * (h * 224 + w) + c);
                }
            }
        }
        return manager.create(x, new Shape(1, 3, 224, 224));
    }

    private static void assertMatches(JsonObject expected, NDArray actual, String what) {
        JsonArray shape = expected.getAsJsonArray("shape");
        long[] expectedShape = new long[shape.size()];
        for (int i = 0; i < expectedShape.length; i++) {
            expectedShape[i] = shape.get(i).getAsLong();
        }
        assertArrayEquals(expectedShape, actual.getShape().getShape(), what);
        float[] values = actual.toFloatArray();
        double sum = 0;
        double sumSq = 0;
        for (float v : values) {
            sum += v;
            sumSq += (double) v * v;
        }
        assertRelative(expected.get("sum").getAsDouble(), sum, 1e-4, what + " sum");
        assertRelative(expected.get("sum_of_squares").getAsDouble(), sumSq, 1e-4, what + " sum of squares");
        JsonArray first8 = expected.getAsJsonArray("first8");
        for (int i = 0; i < 8; i++) {
            assertEquals(first8.get(i).getAsDouble(), values[i], 1e-4 * Math.abs(first8.get(i).getAsDouble()) + 1e-6,
                    what + " value " + i);
        }
        double at = expected.get("value_at_0_7_13_13").getAsDouble();
        long h = expectedShape[2];
        long w = expectedShape[3];
        assertEquals(at, values[(int) ((7 * h + 13) * w + 13)], 1e-4 * Math.abs(at) + 1e-6, what + " y[0,7,13,13]");
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual + " (relative error "
                        + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }
}
