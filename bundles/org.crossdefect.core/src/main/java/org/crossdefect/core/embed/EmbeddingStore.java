package org.crossdefect.core.embed;

import org.crossdefect.core.error.IncompatibleException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.crossdefect.core.files.AtomicFiles;
import org.crossdefect.core.files.Sha256;

/**
 * Patch embeddings on disk, one file per image, named by the image's content (and its mask's), in
 * a folder per backbone. So re-running a method, another method, or an interrupted run reuses
 * what was computed, and no method needs all embeddings in memory: it streams them image by
 * image. Each file is written to a temporary name and moved into place.
 *
 * <p>Every file carries a CRC-32C of its payload, verified on each read: a truncated, empty or
 * altered file (a disk error, a copy cut short, a hand edit) is never used. {@link #entry} tells
 * the extractor which files to compute again, and a file found damaged on read is reported as
 * {@link DamagedEmbeddingException} so its reader can recompute it. CRC-32C rather than SHA-256:
 * it is meant to catch damage, not tampering, and the JDK computes it with the CPU's CRC
 * instruction (cost measured by {@code crossdefect bench embed}).
 *
 * <p>File layout (little endian): magic {@code CDEMB002}, int patches, int dim, int hasMask, int
 * CRC-32C of everything after the header, then patches x dim float32, then (if hasMask) patches
 * float32 mask fractions. Files of the checksum-less format {@code CDEMB001} count as missing and
 * are computed again.
 */
public final class EmbeddingStore {

    private static final byte[] MAGIC = "CDEMB002".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 4 * Integer.BYTES;
    private static final byte[] LEGACY_MAGIC = "CDEMB001".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM_AT = MAGIC.length + 3 * Integer.BYTES;

    /** What the store holds for one key. */
    public enum Entry {
        /** No file (or one of an older format without checksum). */
        MISSING,
        /** A file whose header and size fit; its checksum is verified when it is read. */
        PRESENT,
        /** A file that cannot be complete: too short, wrong header, wrong size. */
        DAMAGED
    }
    private static final String INFO = "backbone.properties";

    private final Path folder;
    private final String backboneId;
    private final int patches;
    private final int dim;
    /**
     * A few reusable direct buffers: a file of 784 x 1536 floats is 4.8 MB, and copying floats into
     * a little-endian direct buffer is one bulk copy, where a heap buffer converts value by value
     * and the channel would copy it once more into native memory. Pooled rather than per thread,
     * because extractors start new threads for every run.
     */
    private static final int POOLED_BUFFERS = 4;
    private final java.util.concurrent.ConcurrentLinkedDeque<ByteBuffer> buffers =
            new java.util.concurrent.ConcurrentLinkedDeque<>();
    /**
     * Writes bypass the page cache (O_DIRECT) where the file system allows it: on the machines
     * measured, filling fresh page-cache pages cost ~5 ms of CPU per 2.4 MB file, which the
     * backbone needs, against ~0.2 ms for a direct write. Direct writes need block-aligned
     * buffers and lengths, so files are padded with zeros to a whole block; the header says
     * how much is data. Cleared on the first refusal, then writes are buffered.
     */
    private volatile boolean directWrites = true;
    private final int block;

    private EmbeddingStore(Path folder, String backboneId, int patches, int dim) {
        this.folder = folder;
        this.backboneId = backboneId;
        this.patches = patches;
        this.dim = dim;
        this.block = blockSize(folder);
    }

    private static int blockSize(Path folder) {
        try {
            long size = Files.getFileStore(folder).getBlockSize();
            return size > 0 && size <= 1 << 16 && Long.bitCount(size) == 1 ? (int) size : 4096;
        } catch (IOException | UnsupportedOperationException e) {
            return 4096;
        }
    }

    /**
     * Opens (or creates) the part of a store that holds one backbone's embeddings.
     *
     * @param root the store's folder; several backbones share it
     */
    public static EmbeddingStore open(Path root, String backboneId, int patches, int dim) throws IOException {
        Path folder = root.resolve(Sha256.hex(backboneId.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
        Path info = folder.resolve(INFO);
        if (Files.isRegularFile(info)) {
            EmbeddingStore existing = read(folder);
            if (!existing.backboneId.equals(backboneId) || existing.patches != patches || existing.dim != dim) {
                throw new IOException("embedding store " + folder + " holds " + existing.describe() + ", not "
                        + backboneId + " (" + patches + " x " + dim + "); delete the folder or use another store");
            }
            AtomicFiles.removeStaleTemporaries(folder, ".*");
            return existing;
        }
        Files.createDirectories(folder);
        Properties p = new Properties();
        p.setProperty("backbone", backboneId);
        p.setProperty("patches", Integer.toString(patches));
        p.setProperty("dim", Integer.toString(dim));
        AtomicFiles.writeFile(info, tmp -> {
            try (var out = Files.newOutputStream(tmp)) {
                p.store(out, "CrossDefect embedding store");
            }
        });
        return new EmbeddingStore(folder, backboneId, patches, dim);
    }

    private static EmbeddingStore read(Path folder) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(folder.resolve(INFO))) {
            p.load(in);
        }
        return new EmbeddingStore(folder, p.getProperty("backbone"), Integer.parseInt(p.getProperty("patches")),
                Integer.parseInt(p.getProperty("dim")));
    }

    public String backboneId() {
        return backboneId;
    }

    public int patches() {
        return patches;
    }

    public int dim() {
        return dim;
    }

    public Path folder() {
        return folder;
    }

    /**
     * @throws IncompatibleException if the store holds another backbone's embeddings: mixing
     *     them would silently compare incomparable vectors
     */
    public void requireBackbone(String expectedBackboneId) {
        if (!backboneId.equals(expectedBackboneId)) {
            throw new IncompatibleException("the embedding store " + folder + " holds embeddings of " + backboneId
                    + " but the model uses " + expectedBackboneId + "; embed the images with that backbone");
        }
    }

    /** @return the content key of an image: SHA-256 of its bytes and of its mask's */
    public static String key(byte[] imageBytes, byte[] maskBytes) {
        return key(imageBytes, maskBytes, null);
    }

    /** @return the content key of a region (a tile) of an image; the whole image's key for null */
    public static String key(byte[] imageBytes, byte[] maskBytes, org.crossdefect.core.data.ImageRegion region) {
        MessageDigest digest = Sha256.digest();
        digest.update(imageBytes);
        if (maskBytes != null) {
            digest.update((byte) 1);
            digest.update(maskBytes);
        }
        if (region != null) {
            digest.update((byte) 2);
            digest.update(region.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 20);
    }

    public boolean contains(String key) {
        return entry(key) == Entry.PRESENT;
    }

    /**
     * Looks at a file's header and size (not its checksum, which needs the whole file: that is
     * verified by {@link #get}).
     */
    public Entry entry(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Entry.MISSING;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && channel.read(header) >= 0) {
                // fill
            }
            header.flip();
            if (header.remaining() < HEADER) {
                return Entry.DAMAGED;
            }
            byte[] magic = new byte[MAGIC.length];
            header.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                return java.util.Arrays.equals(magic, LEGACY_MAGIC) ? Entry.MISSING : Entry.DAMAGED;
            }
            int p = header.getInt();
            int d = header.getInt();
            boolean hasMask = header.getInt() == 1;
            return p == patches && d == dim && sized(channel.size(), p, d, hasMask) ? Entry.PRESENT : Entry.DAMAGED;
        } catch (IOException e) {
            return Entry.DAMAGED;
        }
    }

    /** Removes one image's file, e.g. a damaged one before it is computed again. */
    public void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }

    /** Stores one image's embeddings (replacing any with that key). */
    public void put(PatchEmbeddings e) throws IOException {
        if (e.patches() != patches || e.dim() != dim) {
            throw new IllegalArgumentException("embeddings " + e.patches() + " x " + e.dim() + " do not fit store "
                    + patches + " x " + dim);
        }
        int floats = patches * dim + (e.maskFractions() == null ? 0 : patches);
        int length = HEADER + floats * Float.BYTES;
        int padded = (length + block - 1) / block * block;
        ByteBuffer buffer = borrow(padded);
        try {
            write(e, buffer, length, padded);
        } finally {
            giveBack(buffer);
        }
    }

    private void write(PatchEmbeddings e, ByteBuffer buffer, int length, int padded) throws IOException {
        buffer.put(MAGIC).putInt(patches).putInt(dim).putInt(e.maskFractions() == null ? 0 : 1).putInt(0);
        buffer.asFloatBuffer().put(e.values());
        if (e.maskFractions() != null) {
            buffer.position(HEADER + patches * dim * Float.BYTES);
            buffer.asFloatBuffer().put(e.maskFractions());
        }
        buffer.putInt(CHECKSUM_AT, checksum(buffer, length));
        for (int i = length; i < padded; i++) {
            buffer.put(i, (byte) 0);
        }
        AtomicFiles.writeFile(file(e.key()), tmp -> {
            if (directWrites) {
                try (FileChannel channel = openDirect(tmp)) {
                    buffer.position(0).limit(padded);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    return;
                } catch (IOException | UnsupportedOperationException refused) {
                    // This file system does not take direct writes (tmpfs, some network file systems).
                    directWrites = false;
                }
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                buffer.position(0).limit(length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        });
    }

    /**
     * Opens a file for direct writing. {@code ExtendedOpenOption} is JDK-specific (module
     * jdk.unsupported); where it cannot be loaded (an OSGi runtime that hides it) this reports
     * "unsupported" like a file system that refuses direct I/O.
     */
    private static FileChannel openDirect(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.WRITE, com.sun.nio.file.ExtendedOpenOption.DIRECT);
        } catch (LinkageError e) {
            throw new UnsupportedOperationException("direct I/O is not available here", e);
        }
    }

    private void giveBack(ByteBuffer buffer) {
        if (buffers.size() < POOLED_BUFFERS) {
            buffers.offerFirst(buffer);
        }
    }

    /** A block-aligned direct buffer of at least {@code size} bytes (direct I/O needs the alignment). */
    private ByteBuffer borrow(int size) {
        ByteBuffer buffer = buffers.pollFirst();
        if (buffer == null || buffer.capacity() < size) {
            // alignedSlice rounds the capacity down to whole blocks: ask for whole blocks plus one.
            int blocks = (size + block - 1) / block;
            buffer = ByteBuffer.allocateDirect((blocks + 1) * block).alignedSlice(block).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear().limit(size);
        return buffer;
    }

    /**
     * Reads one image's embeddings and verifies the file's checksum.
     *
     * @throws DamagedEmbeddingException if the file is damaged (its reader may compute it again)
     * @throws IOException if the image was not embedded
     */
    public PatchEmbeddings get(String key) throws IOException {
        return get(key, true);
    }

    /**
     * @param verify whether to verify the checksum; false only to measure what verifying costs
     *     ({@code crossdefect bench embed})
     */
    public PatchEmbeddings get(String key, boolean verify) throws IOException {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no embeddings for image " + key + " in " + folder + "; embed the images first");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HEADER || size > Integer.MAX_VALUE) {
                throw new DamagedEmbeddingException(file, "it is too short to hold embeddings");
            }
            ByteBuffer buffer = borrow((int) size);
            try {
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // fill
                }
                buffer.flip();
                return decode(key, file, buffer, verify);
            } finally {
                giveBack(buffer);
            }
        }
    }

    private PatchEmbeddings decode(String key, Path file, ByteBuffer buffer, boolean verify) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        buffer.get(magic);
        int p = buffer.getInt();
        int d = buffer.getInt();
        boolean hasMask = buffer.getInt() == 1;
        int stored = buffer.getInt();
        if (!java.util.Arrays.equals(magic, MAGIC) || p != patches || d != dim || !sized(buffer.limit(), p, d, hasMask)) {
            throw new DamagedEmbeddingException(file, "its header or size is wrong");
        }
        int length = (int) payloadEnd(p, d, hasMask);
        if (verify && checksum(buffer, length) != stored) {
            throw new DamagedEmbeddingException(file, "its checksum does not match its content");
        }
        buffer.position(HEADER);
        float[] values = new float[p * d];
        buffer.asFloatBuffer().get(values);
        float[] fractions = null;
        if (hasMask) {
            buffer.position(HEADER + p * d * Float.BYTES);
            fractions = new float[p];
            buffer.asFloatBuffer().get(fractions);
        }
        return new PatchEmbeddings(key, p, d, values, fractions);
    }

    private static long payloadEnd(int p, int d, boolean hasMask) {
        return HEADER + ((long) p * d + (hasMask ? p : 0)) * Float.BYTES;
    }

    /** Directly written files end with zero padding up to a whole block. */
    private boolean sized(long size, int p, int d, boolean hasMask) {
        long expected = payloadEnd(p, d, hasMask);
        return size == expected || (size > expected && size - expected < Math.max(block, 4096));
    }

    /** CRC-32C of the bytes between the header and {@code length}; the buffer's position is kept. */
    private static int checksum(ByteBuffer buffer, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(buffer.duplicate().position(HEADER).limit(length));
        return (int) crc.getValue();
    }

    private Path file(String key) {
        return folder.resolve(key + ".emb");
    }

    private String describe() {
        return backboneId + " (" + patches + " x " + dim + ")";
    }
}
