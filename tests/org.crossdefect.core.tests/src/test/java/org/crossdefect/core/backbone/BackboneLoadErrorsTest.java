package org.crossdefect.core.backbone;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad weights give errors that name the file and the first mismatching tensor. */
class BackboneLoadErrorsTest {

    @TempDir
    Path dir;

    private static Path shipped(String name) {
        return SharedData.root().resolve("backbones").resolve(name);
    }

    @Test
    void weightsOfAnotherArchitectureNameTheFirstMismatch() {
        BackboneException e = assertThrows(BackboneException.class, () -> Backbone.load(BackboneSpec
                .of(Architecture.MOBILENET_V1).withDevice("cpu").withWeights(shipped("mobilenet_v2_1.0_224.safetensors"))));
        assertTrue(e.getMessage().contains("mobilenet_v2_1.0_224.safetensors"), e.getMessage());
        assertTrue(e.getMessage().contains("'bn1.weight' is missing"), e.getMessage());
        BackboneException shape = assertThrows(BackboneException.class, () -> Backbone.load(BackboneSpec
                .of(Architecture.RESNET18).withDevice("cpu").withWeights(shipped("mobilenet_v1_1.0_224.safetensors"))));
        assertTrue(shape.getMessage().contains("'conv1.weight' has shape [32, 3, 3, 3], expected [64, 3, 7, 7]"),
                shape.getMessage());
    }

    @Test
    void corruptAndTruncatedFilesAreNamed() throws Exception {
        Path corrupt = dir.resolve("mobilenet_v1_1.0_224.safetensors");
        Files.write(corrupt, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        BackboneException e = assertThrows(BackboneException.class, () -> Backbone.load(BackboneSpec
                .of(Architecture.MOBILENET_V1).withDevice("cpu").withWeights(corrupt)));
        assertTrue(e.getMessage().contains(corrupt.toString()) && e.getMessage().contains("cannot be read"),
                e.getMessage());
        byte[] real = Files.readAllBytes(shipped("mobilenet_v1_1.0_224.safetensors"));
        Path truncated = dir.resolve("truncated.safetensors");
        Files.write(truncated, java.util.Arrays.copyOf(real, real.length / 2));
        BackboneException t = assertThrows(BackboneException.class, () -> Backbone.load(BackboneSpec
                .of(Architecture.MOBILENET_V1).withDevice("cpu").withWeights(truncated)));
        assertTrue(t.getMessage().contains(truncated.toString()), t.getMessage());
    }

    @Test
    void missingWeightsSayWhereTheyWereLookedFor() {
        BackboneException e = assertThrows(BackboneException.class, () -> Backbone.load(BackboneSpec
                .of(Architecture.WIDE_RESNET50_2).withDevice("cpu").withWeightsDir(dir)));
        assertTrue(e.getMessage().contains("wide_resnet50_2.safetensors") && e.getMessage().contains(dir.toString()),
                e.getMessage());
        BackboneException missing = assertThrows(BackboneException.class, () -> Backbone.load(BackboneSpec
                .of(Architecture.MOBILENET_V1).withDevice("cpu").withWeights(dir.resolve("nope.safetensors"))));
        assertTrue(missing.getMessage().contains("nope.safetensors"), missing.getMessage());
    }

    @Test
    void unknownLayerListsTheAvailableOnes() {
        BackboneException e = assertThrows(BackboneException.class, () -> Backbone.load(BackboneSpec
                .of(Architecture.MOBILENET_V1).withDevice("cpu").withLayers(List.of("layer2"))
                .withWeights(shipped("mobilenet_v1_1.0_224.safetensors"))));
        assertTrue(e.getMessage().contains("no layer 'layer2'") && e.getMessage().contains("blocks.5"), e.getMessage());
    }
}
