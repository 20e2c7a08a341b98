package org.crossdefect.core.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.error.IncompatibleException;
import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.data.MvtecTree;
import org.crossdefect.core.progress.CancelledException;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

class EmbeddingExtractorTest {

    @TempDir
    static Path shared;

    static Backbone backbone;
    static List<ImageRecord> images;

    @BeforeAll
    static void setUp() throws Exception {
        Path root = shared.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 2, 1, 1, 3), root, false, Progress.NONE);
        images = MvtecTree.open(root).images("disc");
        backbone = Backbone.load(BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu")
                .withWeights(SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors")));
    }

    @AfterAll
    static void tearDown() {
        backbone.close();
    }

    @Test
    void embedsOnceThenReusesAndMatchesSingleImageForward(@TempDir Path store) throws Exception {
        EmbeddingExtractor first = EmbeddingExtractor.create(backbone, store, 2, 2);
        EmbeddingExtractor.Result r1 = first.embed(images, Progress.NONE);
        assertEquals(images.size(), r1.computed());
        assertEquals(images.size(), first.forwardImages());

        EmbeddingExtractor second = EmbeddingExtractor.create(backbone, store, 3, 1);
        EmbeddingExtractor.Result r2 = second.embed(images, Progress.NONE);
        assertEquals(0, r2.computed());
        assertEquals(images.size(), r2.reused());
        assertEquals(0, second.forwardImages(), "no backbone forward pass for stored images");
        assertEquals(r1.images(), r2.images());

        // Batched embeddings equal one image run alone.
        EmbeddingExtractor.EmbeddedImage last = r1.images().get(r1.images().size() - 1);
        PatchEmbeddings stored = first.store().get(last.key());
        float[] alone;
        try (NDManager scope = backbone.newScope()) {
            float[] input = backbone.preprocessing().input(ImageFiles.read(last.image().image()));
            alone = PatchEmbedder.embed(backbone.features(scope.create(input, new Shape(1, 3, 224, 224))))
                    .toFloatArray();
        }
        assertArrayEquals(alone, stored.values(), 1e-4f);
        assertEquals(784, stored.patches());
        assertEquals(768, stored.dim());
    }

    /**
     * A chunk kept in memory serves what it computed now as the store holds it (values and
     * mask fractions), reads what was stored before, and still writes everything it computed.
     */
    @Test
    void aChunkKeptInMemoryEqualsTheStoreAndIsStoredToo(@TempDir Path store) throws Exception {
        EmbeddingExtractor extractor = EmbeddingExtractor.create(backbone, store, 2, 1);
        List<ImageRecord> earlier = images.subList(0, 2);
        extractor.embed(earlier, Progress.NONE);
        PatchSource chunk = extractor.embeddingsKeptInMemory(images, Progress.NONE);
        assertEquals(images.size(), extractor.forwardImages(), "the two stored images were not computed again");
        assertEquals(images.size(), chunk.images());
        EmbeddingExtractor.Result again = EmbeddingExtractor.create(backbone, store, 2, 1).embed(images, Progress.NONE);
        assertEquals(0, again.computed(), "every image of the chunk is in the store");
        for (int i = 0; i < images.size(); i++) {
            PatchEmbeddings kept = chunk.image(i);
            PatchEmbeddings stored = extractor.store().get(again.images().get(i).key());
            assertEquals(stored.key(), kept.key());
            assertArrayEquals(stored.values(), kept.values(), images.get(i).image().toString());
            if (stored.maskFractions() == null) {
                assertNull(kept.maskFractions());
            } else {
                assertArrayEquals(stored.maskFractions(), kept.maskFractions());
            }
        }
    }

    @Test
    void defectImagesCarryMaskFractions(@TempDir Path store) throws Exception {
        EmbeddingExtractor extractor = EmbeddingExtractor.create(backbone, store, 4, 2);
        for (EmbeddingExtractor.EmbeddedImage e : extractor.embed(images, Progress.NONE).images()) {
            PatchEmbeddings stored = extractor.store().get(e.key());
            if (e.image().label() == Label.ANOMALOUS) {
                assertNotNull(stored.maskFractions());
                double defectArea = 0;
                for (float f : stored.maskFractions()) {
                    assertTrue(f >= 0 && f <= 1);
                    defectArea += f;
                }
                assertTrue(defectArea > 0.5, "a defect covers some patches: " + defectArea);
            } else {
                assertNull(stored.maskFractions());
            }
        }
    }

    @Test
    void cancelledRunResumesWhereItStopped(@TempDir Path store) throws Exception {
        EmbeddingExtractor extractor = EmbeddingExtractor.create(backbone, store, 2, 1);
        Progress cancelAfterFirstBatch = new Progress() {
            private long done;

            @Override
            public void update(long d, long total, String message) {
                done = d;
            }

            @Override
            public boolean cancelRequested() {
                return done >= 2;
            }
        };
        assertThrows(CancelledException.class, () -> extractor.embed(images, cancelAfterFirstBatch));
        long stored = extractor.forwardImages();
        assertTrue(stored >= 2 && stored < images.size(), "stopped after " + stored);
        EmbeddingExtractor resumed = EmbeddingExtractor.create(backbone, store, 2, 1);
        assertEquals(images.size() - stored, resumed.embed(images, Progress.NONE).computed());
        try (var files = Files.list(extractor.store().folder())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    /** Files without block padding (buffered writes, earlier versions) read back the same. */
    @Test
    void unpaddedAndPaddedFilesReadBack(@TempDir Path store) throws Exception {
        EmbeddingStore s = EmbeddingStore.open(store, "test-backbone", 784, 768);
        float[] values = new float[784 * 768];
        float[] fractions = new float[784];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f;
        }
        fractions[3] = 0.25f;
        s.put(new PatchEmbeddings("k", 784, 768, values, fractions));
        Path file = s.folder().resolve("k.emb");
        long exact = 8 + 4 * 4 + (784L * 768 + 784) * 4;
        assertTrue(Files.size(file) >= exact);
        assertArrayEquals(values, s.get("k").values());
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(exact);
        }
        // A fresh store object has no pooled buffer yet: the first read allocates for this exact size.
        PatchEmbeddings back = EmbeddingStore.open(store, "test-backbone", 784, 768).get("k");
        assertArrayEquals(values, back.values());
        assertArrayEquals(fractions, back.maskFractions());
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(exact - 4);
        }
        assertThrows(IOException.class, () -> s.get("k"), "a cut-off file is damaged");
    }

    /**
     * An entry altered at the same size (a flipped bit) once changed one image's score from 17.7
     * to 400.1 without a word; a truncated or empty one was counted as done. Now each is found,
     * said, and computed again, and what the methods read equals a clean store's.
     */
    @Test
    void damagedEntriesAreComputedAgainNeverUsed(@TempDir Path store) throws Exception {
        EmbeddingExtractor clean = EmbeddingExtractor.create(backbone, store, 2, 1);
        List<EmbeddingExtractor.EmbeddedImage> embedded = clean.embed(images, Progress.NONE).images();
        List<float[]> expected = new java.util.ArrayList<>();
        for (EmbeddingExtractor.EmbeddedImage e : embedded) {
            expected.add(clean.store().get(e.key()).values());
        }
        Path altered = clean.store().folder().resolve(embedded.get(0).key() + ".emb");
        Path truncated = clean.store().folder().resolve(embedded.get(1).key() + ".emb");
        Path emptied = clean.store().folder().resolve(embedded.get(2).key() + ".emb");
        byte[] bytes = Files.readAllBytes(altered);
        bytes[24 + 4 * 1000 + 3] ^= 0x40; // one float's exponent bit: a large change at the same size
        Files.write(altered, bytes);
        try (var channel = java.nio.channels.FileChannel.open(truncated, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(truncated) / 2);
        }
        Files.write(emptied, new byte[0]);
        assertThrows(DamagedEmbeddingException.class, () -> clean.store().get(embedded.get(0).key()));

        org.crossdefect.core.testing.Warnings listening = new org.crossdefect.core.testing.Warnings();
        EmbeddingExtractor again = EmbeddingExtractor.create(backbone, store, 2, 1);
        PatchSource source = again.embeddings(images, listening);
        assertEquals(2, again.forwardImages(), "the truncated and the empty file are computed again at once");
        for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(expected.get(i), source.image(i).values(), 1e-5f, "image " + i);
        }
        assertEquals(3, again.forwardImages(), "the altered file is found by its checksum and computed again");
        assertEquals(3, listening.said().size(), listening.said().toString());
        assertTrue(listening.said().stream().anyMatch(w -> w.contains("checksum") && w.contains(images.get(0).image().toString())),
                listening.said().toString());
        assertArrayEquals(expected.get(0), again.store().get(embedded.get(0).key()).values(), 1e-5f,
                "the store holds the repaired file");
    }

    /** A 1x1 image is enlarged to the backbone's input silently no more: a warning names it. */
    @Test
    void tinyImagesAreWarnedAbout(@TempDir Path store) throws Exception {
        Path tiny = store.resolve("tiny.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", tiny.toFile());
        ImageRecord record = new ImageRecord(tiny, null, "disc", "good", "good", Label.GOOD,
                org.crossdefect.core.data.SourceSplit.TRAIN);
        org.crossdefect.core.testing.Warnings listening = new org.crossdefect.core.testing.Warnings();
        EmbeddingExtractor.create(backbone, store.resolve("s"), 2, 1).embed(List.of(record, images.get(0)), listening);
        assertEquals(1, listening.said().size(), listening.said().toString());
        assertTrue(listening.said().get(0).contains("tiny.png is only 1x1 pixels"), listening.said().get(0));
    }

    @Test
    void storeOfAnotherBackboneIsRefusedAndDamagedFilesNamed(@TempDir Path store) throws Exception {
        EmbeddingStore mine = EmbeddingStore.open(store, backbone.id(), 784, 768);
        IncompatibleException other = assertThrows(IncompatibleException.class,
                () -> mine.requireBackbone("wide_resnet50_2[layer2, layer3]@sha256:0"));
        assertTrue(other.getMessage().contains("wide_resnet50_2"), other.getMessage());
        mine.put(new PatchEmbeddings("abc", 784, 768, new float[784 * 768], null));
        Files.write(mine.folder().resolve("abc.emb"), new byte[10]);
        IOException damaged = assertThrows(IOException.class, () -> mine.get("abc"));
        assertTrue(damaged.getMessage().contains("abc.emb") && damaged.getMessage().contains("damaged"));
        IOException missing = assertThrows(IOException.class, () -> mine.get("nope"));
        assertTrue(missing.getMessage().contains("embed the images first"));
    }
}
