package org.crossdefect.core.backbone;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.crossdefect.core.testing.ReferenceTensors;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.crossdefect.core.runtime.DjlRuntime;

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
                NDList out = net.forward(ReferenceTensors.sineInput(manager, 1), List.of("layer2", "layer3"));
                ReferenceTensors.assertMatches(reference.getAsJsonObject("layer2"), out.get(0), arch + " layer2");
                ReferenceTensors.assertMatches(reference.getAsJsonObject("layer3"), out.get(1), arch + " layer3");
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
}
