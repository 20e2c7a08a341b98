package org.crossdefect.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file read from a path (ZipFile, sized entries) equals the same file read as a stream. */
class ModelFileReadTest {

    @TempDir
    Path dir;

    private record Json(String name, int size) {
    }

    @Test
    void pathAndStreamReadTheSameEntries() throws Exception {
        float[] bank = new float[300_000];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < bank.length; i++) {
            bank[i] = random.nextInt(4) == 0 ? 0f : (float) random.nextGaussian();
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("bank.f32", ModelFile.floats(bank));
        entries.put("empty.i32", new byte[0]);
        Path file = dir.resolve("m.zip");
        try (OutputStream out = Files.newOutputStream(file)) {
            ModelFile.write(out, "throwaway", new Json("x", 7), entries);
        }
        ModelFile.Contents fromPath = ModelFile.read(file);
        ModelFile.Contents fromStream;
        try (InputStream in = Files.newInputStream(file)) {
            fromStream = ModelFile.read(in, file.toString());
        }
        assertEquals(fromStream.method(), fromPath.method());
        assertEquals(fromStream.json(), fromPath.json());
        assertEquals(fromStream.entries().keySet(), fromPath.entries().keySet());
        assertArrayEquals(bank, ModelFile.floats(fromPath.entry("bank.f32")));
        assertEquals(0, fromPath.entry("empty.i32").length);
        assertEquals(new Json("x", 7), fromPath.json(Json.class));
        // Numeric arrays are stored (no inflating at every predict), the rest deflated.
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            assertEquals(java.util.zip.ZipEntry.STORED, zip.getEntry("bank.f32").getMethod());
            assertEquals(java.util.zip.ZipEntry.STORED, zip.getEntry("empty.i32").getMethod());
            assertEquals(java.util.zip.ZipEntry.DEFLATED, zip.getEntry("model.json").getMethod());
        }

        // Cut off in the middle of the bank: named, with the fix.
        Path cut = dir.resolve("cut.zip");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 200));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(cut));
        assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("copy an intact file"),
                e.getMessage());
    }

    /** A nested model file (k-shot bank, a fusion's half) is stored as its arrays are, not deflated again. */
    @Test
    void nestedModelFilesAreStored() throws Exception {
        java.io.ByteArrayOutputStream inner = new java.io.ByteArrayOutputStream();
        ModelFile.write(inner, "throwaway", new Json("inner", 1), Map.of("bank.f32", ModelFile.floats(new float[1000])));
        Path file = dir.resolve("outer.zip");
        try (OutputStream out = Files.newOutputStream(file)) {
            ModelFile.write(out, "throwaway", new Json("outer", 2), Map.of("bank.model", inner.toByteArray()));
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            assertEquals(java.util.zip.ZipEntry.STORED, zip.getEntry("bank.model").getMethod());
        }
        assertArrayEquals(inner.toByteArray(), ModelFile.read(file).entry("bank.model"));
    }
}
