package org.crossdefect.core.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.embed.PatchEmbedder;
import org.junit.jupiter.api.BeforeAll;
import org.crossdefect.core.testing.ReferenceTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.crossdefect.core.runtime.DjlRuntime;

/**
 * Backbones from real TorchScript files written by PyTorch (src/test/python/make_torchscript_fixtures.py;
 * the files are in src/test/resources/torchscript): DJL's libtorch reproduces PyTorch's numbers,
 * and files that are not feature extractors are rejected with messages naming the file.
 */
class TorchScriptBackboneTest {

    @TempDir
    static Path folder;

    private static JsonArray reference;

    @BeforeAll
    static void start() throws Exception {
        DjlRuntime.start(0);
        reference = JsonParser.parseString(Files.readString(fixture("two_maps.json"))).getAsJsonObject()
                .getAsJsonArray("outputs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two_maps.pt", "two_maps_list.pt"})
    void twoMapsLoadAndReproducePyTorch(String name) throws Exception {
        try (Backbone backbone = load(fixture(name), List.of())) {
            assertEquals(Architecture.TORCHSCRIPT, backbone.architecture());
            assertEquals(List.of("out0", "out1"), backbone.layers());
            assertEquals(List.of(new Shape(8, 28, 28), new Shape(16, 14, 14)), backbone.featureShapes());
            assertEquals(24, backbone.embeddingDim());
            assertEquals(28, backbone.gridHeight());
            assertEquals(28, backbone.gridWidth());
            assertTrue(backbone.id().startsWith("torchscript[out0, out1]@sha256:"), backbone.id());
            try (NDManager scope = backbone.newScope()) {
                NDList maps = backbone.features(ReferenceTensors.sineInput(scope, 1));
                assertEquals(2, maps.size());
                for (int i = 0; i < 2; i++) {
                    assertSame(scope, maps.get(i).getManager(), "out" + i + " is owned by the input's scope");
                    ReferenceTensors.assertMatches(reference.get(i).getAsJsonObject(), maps.get(i), name + " out" + i);
                }
                NDArray embeddings = PatchEmbedder.embed(maps);
                assertArrayEquals(new long[] {1, 28 * 28, 24}, embeddings.getShape().getShape());
                float[] e = embeddings.toFloatArray();
                for (float v : e) {
                    assertTrue(Float.isFinite(v));
                }
            }
        }
    }

    @Test
    void batchesAndScopesFreeEverything() throws Exception {
        try (Backbone backbone = load(fixture("two_maps.pt"), List.of())) {
            NDList kept;
            try (NDManager scope = backbone.newScope()) {
                NDArray batch = ReferenceTensors.sineInput(scope, 3);
                for (int round = 0; round < 5; round++) {
                    NDList maps = backbone.features(batch);
                    assertArrayEquals(new long[] {3, 8, 28, 28}, maps.get(0).getShape().getShape());
                    assertArrayEquals(new long[] {3, 16, 14, 14}, maps.get(1).getShape().getShape());
                    maps.close();
                }
                // the input and the two maps of the last forward: nothing else is left in the scope
                kept = backbone.features(batch);
                assertEquals(3, scope.getManagedArrays().stream().filter(a -> !a.isReleased()).count());
            }
            assertTrue(kept.get(0).isReleased() && kept.get(1).isReleased(), "the scope frees the maps");
        }
    }

    @Test
    void chosenLayersAreTheOnlyOnesReturned() throws Exception {
        try (Backbone backbone = load(fixture("two_maps.pt"), List.of("out1"))) {
            assertEquals(List.of("out1"), backbone.layers());
            assertEquals(16, backbone.embeddingDim());
            assertEquals(14, backbone.gridHeight());
            try (NDManager scope = backbone.newScope()) {
                NDArray input = ReferenceTensors.sineInput(scope, 1);
                NDList maps = backbone.features(input);
                assertEquals(1, maps.size());
                ReferenceTensors.assertMatches(reference.get(1).getAsJsonObject(), maps.get(0), "out1 alone");
                // out0 was computed too, but freed at once
                assertEquals(2, scope.getManagedArrays().stream().filter(a -> !a.isReleased()).count());
            }
        }
    }

    @Test
    void unknownLayerIsRejectedListingTheAvailableOnes() throws Exception {
        BackboneException e = assertThrows(BackboneException.class,
                () -> load(fixture("two_maps.pt"), List.of("out0", "out5")));
        assertTrue(e.getMessage().contains("'out5'") && e.getMessage().contains("[out0, out1]"), e.getMessage());
    }

    @Test
    void classifierIsRejectedNamingFileAndShape() throws Exception {
        BackboneException e = assertThrows(BackboneException.class, () -> load(fixture("logits.pt"), List.of()));
        assertTrue(e.getMessage().contains("logits.pt"), e.getMessage());
        assertTrue(e.getMessage().contains("[1, 10]"), e.getMessage());
    }

    @Test
    void deepMapFirstIsRejected() throws Exception {
        BackboneException e = assertThrows(BackboneException.class,
                () -> load(fixture("deep_first.pt"), List.of()));
        assertTrue(e.getMessage().contains("deep_first.pt") && e.getMessage().contains("28x28, larger than output 0 "
                + "(14x14)"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not_torchscript.pt", "random_bytes.pt"})
    void fileThatIsNoTorchScriptIsRejectedNamingIt(String name) throws Exception {
        BackboneException e = assertThrows(BackboneException.class, () -> load(fixture(name), List.of()));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertTrue(e.getMessage().contains("torch.jit.save"), e.getMessage());
    }

    @Test
    void stateDictIsRecognisedAsSuch() throws Exception {
        BackboneException e = assertThrows(BackboneException.class,
                () -> load(fixture("not_torchscript.pt"), List.of()));
        assertTrue(e.getMessage().contains("state dict"), e.getMessage());
    }

    @Test
    void missingFileIsRejectedNamingThePath() {
        Path missing = folder.resolve("nowhere").resolve("backbone.pt");
        BackboneException e = assertThrows(BackboneException.class, () -> load(missing, List.of()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void torchScriptNeedsItsFile() {
        BackboneException e = assertThrows(BackboneException.class,
                () -> Backbone.load(BackboneSpec.of(Architecture.TORCHSCRIPT).withDevice("cpu")));
        assertTrue(e.getMessage().contains("TorchScript file"), e.getMessage());
    }

    private static Backbone load(Path file, List<String> layers) throws BackboneException {
        return Backbone.load(BackboneSpec.of(Architecture.TORCHSCRIPT).withDevice("cpu").withWeights(file)
                .withLayers(layers));
    }

    /** @return the fixture copied from the test class path to a file (DJL loads TorchScript from paths) */
    private static Path fixture(String name) throws IOException {
        Path file = folder.resolve(name);
        if (!Files.exists(file)) {
            try (InputStream in = TorchScriptBackboneTest.class.getResourceAsStream("/torchscript/" + name)) {
                if (in == null) {
                    throw new IOException("test resource /torchscript/" + name + " is missing");
                }
                Files.copy(in, file);
            }
        }
        return file;
    }

    /** x[n, c, h, w] = sin(0.01 * (h * 224 + w) + c), as make_torchscript_fixtures.py */
}
