package org.crossdefect.core.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The versioned model file format shared by every method: a zip holding {@code manifest.properties}
 * (format version, method, backbone, settings, and the SHA-256 of every other entry) and binary
 * entries (little-endian float32/int32 arrays). Written to a temporary file and moved into place;
 * on reading, the version and every checksum are verified before anything is used.
 */
public final class ModelFile {

    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.properties";
    private static final String CHECKSUM_PREFIX = "sha256.";

    /** A model file's manifest and entries. */
    public record Contents(Properties manifest, Map<String, byte[]> entries) {

        /** @throws ModelFileException if the entry is absent */
        public byte[] entry(String name) throws ModelFileException {
            byte[] bytes = entries.get(name);
            if (bytes == null) {
                throw new ModelFileException("model file lacks entry " + name);
            }
            return bytes;
        }

        public String get(String key) throws ModelFileException {
            String value = manifest.getProperty(key);
            if (value == null) {
                throw new ModelFileException("model manifest lacks " + key);
            }
            return value;
        }
    }

    private ModelFile() {
    }

    public static void write(Path file, Properties manifest, Map<String, byte[]> entries) throws IOException {
        Properties full = new Properties();
        full.putAll(manifest);
        full.setProperty("format.version", Integer.toString(FORMAT_VERSION));
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            full.setProperty(CHECKSUM_PREFIX + e.getKey(), Sha256.hex(e.getValue()));
        }
        AtomicFiles.writeFile(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(sortedProperties(full).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
        });
    }

    public static Contents read(Path file) throws ModelFileException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException("model file " + file + " does not exist; train a model with "
                    + "'crossdefect train ... --out " + file.getFileName() + "'");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Properties manifest = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readAllBytes();
                if (entry.getName().equals(MANIFEST)) {
                    manifest = new Properties();
                    manifest.load(new ByteArrayInputStream(bytes));
                } else {
                    entries.put(entry.getName(), bytes);
                }
            }
        } catch (ZipException e) {
            throw new ModelFileException("model file " + file + " is damaged (" + e.getMessage() + "); train the "
                    + "model again or copy an intact file", e);
        } catch (IOException e) {
            throw new ModelFileException("model file " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (manifest == null) {
            throw new ModelFileException("model file " + file + " is not a CrossDefect model (no " + MANIFEST
                    + "); give a file written by 'crossdefect train'");
        }
        String version = manifest.getProperty("format.version");
        if (!Integer.toString(FORMAT_VERSION).equals(version)) {
            throw new ModelFileException("model file " + file + " has format version " + version + "; this CrossDefect "
                    + "reads version " + FORMAT_VERSION + ": train the model again with this version");
        }
        for (String key : manifest.stringPropertyNames()) {
            if (key.startsWith(CHECKSUM_PREFIX)) {
                String name = key.substring(CHECKSUM_PREFIX.length());
                byte[] bytes = entries.get(name);
                if (bytes == null || !Sha256.hex(bytes).equals(manifest.getProperty(key))) {
                    throw new ModelFileException("model file " + file + " is corrupted: entry " + name
                            + (bytes == null ? " is missing" : " does not match its checksum")
                            + "; train the model again or copy an intact file");
                }
            }
        }
        return new Contents(manifest, entries);
    }

    public static byte[] floats(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    public static float[] floats(byte[] bytes) {
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    public static byte[] ints(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    public static int[] ints(byte[] bytes) {
        int[] values = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
        return values;
    }

    /** Properties in key order without the date comment, so equal models give equal manifests. */
    private static String sortedProperties(Properties p) throws IOException {
        StringBuilder out = new StringBuilder("# CrossDefect model\n");
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            Properties one = new Properties();
            one.setProperty(key, p.getProperty(key));
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            one.store(buffer, null);
            String text = buffer.toString(StandardCharsets.ISO_8859_1);
            out.append(text.substring(text.indexOf('\n') + 1));
        }
        return out.toString();
    }
}
