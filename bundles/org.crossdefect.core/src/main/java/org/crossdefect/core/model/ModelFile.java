package org.crossdefect.core.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.crossdefect.core.error.CrossDefectException;
import org.crossdefect.core.files.Sha256;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * The versioned model file format shared by every method: a zip holding
 * {@code manifest.properties} (format version, method, and the SHA-256 of every other entry),
 * {@code model.json} (what the method records: the {@link ModelInfo}, its settings, sizes; written
 * with Gson from the method's own record) and binary entries (little-endian float32/int32
 * arrays). It goes to any stream (a KNIME port writes into its zip stream) or, through a
 * temporary file, to a path. On reading, the version and every checksum are verified before
 * anything is used. Files are written through {@link AnomalyModel#save}.
 */
public final class ModelFile {

    /** 2: settings in model.json (version 1 kept them as manifest properties). */
    public static final int FORMAT_VERSION = 2;
    public static final String MANIFEST = "manifest.properties";
    public static final String JSON = "model.json";
    private static final String CHECKSUM_PREFIX = "sha256.";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    /**
     * A model file's contents, checked.
     *
     * @param source where it came from (a path, a port), for messages
     * @param method the method id the manifest names
     * @param json the text of model.json
     */
    public record Contents(String source, String method, String json, Map<String, byte[]> entries) {

        /** @throws ModelFileException if the entry is absent */
        public byte[] entry(String name) {
            byte[] bytes = entries.get(name);
            if (bytes == null) {
                throw damaged(source, "lacks entry " + name);
            }
            return bytes;
        }

        /** @return the model info every method's model.json starts with (no method needed to read it) */
        public ModelInfo info() {
            return json(InfoOnly.class).info();
        }

        /**
         * @return model.json as the method's record; record constructors check the values
         * @throws ModelFileException if it does not parse or its values are not accepted
         */
        public <T> T json(Class<T> type) {
            try {
                T value = GSON.fromJson(json, type);
                if (value == null) {
                    throw damaged(source, "has an empty " + JSON);
                }
                return value;
            } catch (JsonParseException | CrossDefectException | IllegalArgumentException | NullPointerException e) {
                throw new ModelFileException("model file " + source + " has an invalid " + JSON + " (" + e.getMessage()
                        + "); train the model again or copy an intact file", e);
            }
        }
    }

    private record InfoOnly(ModelInfo info) {
    }

    private ModelFile() {
    }

    /**
     * Writes a model to a stream and leaves the stream open.
     *
     * @param json the method's record of what it needs to rebuild the model (Gson serialises it)
     */
    public static void write(OutputStream target, String method, Object json, Map<String, byte[]> entries)
            throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put(JSON, GSON.toJson(json).getBytes(StandardCharsets.UTF_8));
        all.putAll(entries);
        Properties manifest = new Properties();
        manifest.setProperty("format.version", Integer.toString(FORMAT_VERSION));
        manifest.setProperty("method", method);
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
            manifest.setProperty(CHECKSUM_PREFIX + e.getKey(), Sha256.hex(e.getValue()));
        }
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        });
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(sortedProperties(manifest).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
            zip.putNextEntry(entry(e.getKey(), e.getValue()));
            zip.write(e.getValue());
            zip.closeEntry();
        }
        zip.close();
    }

    /**
     * Numeric arrays ({@code .f32}, {@code .i32}) and nested model files ({@code .model}, whose
     * own arrays are stored: k-shot banks, fusions' halves) are stored, the rest deflated. Float
     * embeddings deflate by only ~30 % and inflate at ~180 MB/s: bottle's 50 MB bank took ~280 ms
     * to inflate at every read (and ~2 s to deflate at every train) to save 15 MB of disk.
     */
    private static ZipEntry entry(String name, byte[] bytes) {
        ZipEntry entry = new ZipEntry(name);
        if (name.endsWith(".f32") || name.endsWith(".i32") || name.endsWith(".model")) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
        }
        return entry;
    }

    /** @throws ModelFileException if the file is missing, damaged or of another version */
    public static Contents read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException("model file " + file + " does not exist; train a model with "
                    + "'crossdefect train ... --out " + file.getFileName() + "'");
        }
        // ZipFile, not a stream: its central directory gives every entry's size, so a 50 MB bank is
        // inflated straight into one array (bottle's model: ~70 ms faster, and no 8 KB chunks of
        // garbage that grow the heap while predict starts).
        String source = file.toString();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
                ZipEntry entry = all.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), readEntry(in, entry.getSize()));
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw damaged(source, "is damaged (" + e.getMessage() + ")");
        }
        return checked(source, entries);
    }

    private static byte[] readEntry(InputStream in, long size) throws IOException {
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            return in.readAllBytes();
        }
        byte[] bytes = in.readNBytes((int) size);
        if (bytes.length != size || in.read() != -1) {
            throw new ZipException("an entry's length differs from the directory's " + size + " bytes");
        }
        return bytes;
    }

    /**
     * Reads a model from a stream (to its end; the stream stays open).
     *
     * @param source names the stream's origin in messages
     * @throws ModelFileException if the content is damaged or of another version
     */
    public static Contents read(InputStream in, String source) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (ZipException | java.io.EOFException e) {
            throw damaged(source, "is damaged (" + e.getMessage() + ")");
        }
        return checked(source, entries);
    }

    /** Checks the manifest's version and every entry's checksum; entries holds the manifest too. */
    private static Contents checked(String source, Map<String, byte[]> entries) throws IOException {
        byte[] manifestBytes = entries.remove(MANIFEST);
        Properties manifest = null;
        if (manifestBytes != null) {
            manifest = new Properties();
            manifest.load(new ByteArrayInputStream(manifestBytes));
        }
        if (manifest == null) {
            throw new ModelFileException("model file " + source + " is not a CrossDefect model (no " + MANIFEST
                    + "); give a file written by 'crossdefect train'");
        }
        String version = manifest.getProperty("format.version");
        if (!Integer.toString(FORMAT_VERSION).equals(version)) {
            throw new ModelFileException("model file " + source + " has format version " + version + "; this "
                    + "CrossDefect reads version " + FORMAT_VERSION + ": train the model again with this version");
        }
        for (String key : manifest.stringPropertyNames()) {
            if (key.startsWith(CHECKSUM_PREFIX)) {
                String name = key.substring(CHECKSUM_PREFIX.length());
                byte[] bytes = entries.get(name);
                if (bytes == null || !Sha256.hex(bytes).equals(manifest.getProperty(key))) {
                    throw damaged(source, "is corrupted: entry " + name
                            + (bytes == null ? " is missing" : " does not match its checksum"));
                }
            }
        }
        String method = manifest.getProperty("method");
        byte[] json = entries.remove(JSON);
        if (method == null || json == null) {
            throw damaged(source, "lacks its method or " + JSON);
        }
        return new Contents(source, method, new String(json, StandardCharsets.UTF_8), entries);
    }

    private static ModelFileException damaged(String source, String what) {
        return new ModelFileException("model file " + source + " " + what + "; train the model again or copy an "
                + "intact file");
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
