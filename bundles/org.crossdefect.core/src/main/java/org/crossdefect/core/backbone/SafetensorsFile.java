package org.crossdefect.core.backbone;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
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

import org.crossdefect.core.files.AtomicFiles;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ai.djl.ndarray.types.Shape;

/**
 * Writes and reads the header of safetensors files (8-byte little-endian header length, a JSON
 * header, raw little-endian tensors). Written by hand because DJL's encoder has no way to put
 * the {@code __metadata__} map in the header, where a fine-tuned backbone carries its manifest;
 * the format is the one documented by Hugging Face, and DJL's own decoder reads the result.
 */
final class SafetensorsFile {

    static final String METADATA = "__metadata__";
    private static final long LARGEST_HEADER = 100L << 20;

    private SafetensorsFile() {
    }

    /** Writes float32 tensors in map order, atomically (temporary file, then moved into place). */
    static void write(Path file, Map<String, float[]> values, Map<String, Shape> shapes, Map<String, String> metadata,
            boolean overwrite) throws IOException {
        JsonObject header = new JsonObject();
        JsonObject meta = new JsonObject();
        metadata.forEach(meta::addProperty);
        header.add(METADATA, meta);
        long offset = 0;
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            JsonObject tensor = new JsonObject();
            tensor.addProperty("dtype", "F32");
            com.google.gson.JsonArray shape = new com.google.gson.JsonArray();
            for (long d : shapes.get(e.getKey()).getShape()) {
                shape.add(d);
            }
            tensor.add("shape", shape);
            com.google.gson.JsonArray offsets = new com.google.gson.JsonArray();
            offsets.add(offset);
            offset += 4L * e.getValue().length;
            offsets.add(offset);
            tensor.add("data_offsets", offsets);
            header.add(e.getKey(), tensor);
        }
        byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        // The tensors start 8-byte aligned: pad the header with spaces, as the format allows.
        int padded = (json.length + 7) / 8 * 8;
        byte[] headerBytes = java.util.Arrays.copyOf(json, padded);
        java.util.Arrays.fill(headerBytes, json.length, padded, (byte) ' ');
        AtomicFiles.writeFile(file, overwrite, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
                out.write(headerBytes);
                for (float[] v : values.values()) {
                    ByteBuffer bytes = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    bytes.asFloatBuffer().put(v);
                    out.write(bytes.array());
                }
            }
        });
    }

    /** @return the header's {@code __metadata__} map; empty if the file has none */
    static Map<String, String> metadata(Path file) throws BackboneException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] lengthBytes = new DataInputStream(in).readNBytes(8);
            if (lengthBytes.length < 8) {
                throw new BackboneException("weights file " + file + " is too short to be safetensors");
            }
            long length = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (length <= 0 || length > LARGEST_HEADER) {
                return Map.of(); // npz or another format: no manifest
            }
            byte[] json = in.readNBytes((int) length);
            JsonObject header = new Gson().fromJson(new String(json, StandardCharsets.UTF_8), JsonObject.class);
            Map<String, String> metadata = new LinkedHashMap<>();
            if (header != null && header.has(METADATA) && header.get(METADATA).isJsonObject()) {
                for (Map.Entry<String, JsonElement> e : header.getAsJsonObject(METADATA).entrySet()) {
                    metadata.put(e.getKey(), e.getValue().getAsString());
                }
            }
            return metadata;
        } catch (IOException | RuntimeException e) {
            throw new BackboneException("weights file " + file + " has no readable safetensors header ("
                    + e.getMessage() + ")", e);
        }
    }
}
