package org.crossdefect.core.embed;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.data.ImageReadException;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.InvalidDatasetException;
import org.crossdefect.core.data.TreeValidator;
import org.crossdefect.core.data.ValidationProblem;
import org.crossdefect.core.data.ValidationReport;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.runtime.Download;
import org.crossdefect.core.runtime.UploadBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Embeds images into an {@link EmbeddingStore}, skipping those already there. Decoding and
 * preprocessing of the next batch run on worker threads while the backbone computes the current
 * one, and finished embeddings are written by a separate thread, so the backbone is kept busy.
 * Native memory is scoped per batch and does not grow with the number of images.
 */
public final class EmbeddingExtractor {

    /** An image and the key of its embeddings in the store. */
    public record EmbeddedImage(ImageRecord image, String key) {
    }

    /**
     * @param images every image asked for, in order, with its key
     * @param computed images run through the backbone now
     * @param reused images whose embeddings were already in the store
     */
    public record Result(List<EmbeddedImage> images, int computed, int reused) {
    }

    /**
     * An image read, hashed and (unless already stored) preprocessed; or, with its problems,
     * one that cannot be embedded.
     */
    private record Prepared(ImageRecord image, String key, float[] input, float[] maskFractions,
            List<ValidationProblem> problems) {

        Prepared(ImageRecord image, String key, float[] input, float[] maskFractions) {
            this(image, key, input, maskFractions, List.of());
        }

        static Prepared failed(ImageRecord image, List<ValidationProblem> problems) {
            return new Prepared(image, null, null, null, problems);
        }
    }

    private final Backbone backbone;
    private final EmbeddingStore store;
    private final int batchSize;
    private final int workers;
    private final AtomicLong forwardImages = new AtomicLong();
    private final UploadBuffer uploadBuffer = new UploadBuffer();

    /**
     * @param batchSize images per forward pass
     * @param workers threads that decode and preprocess (at least 1)
     */
    public EmbeddingExtractor(Backbone backbone, EmbeddingStore store, int batchSize, int workers) {
        store.requireBackbone(backbone.id());
        this.backbone = backbone;
        this.store = store;
        this.batchSize = Math.max(1, batchSize);
        this.workers = Math.max(1, workers);
    }

    /** Opens the store part of a backbone under {@code storeRoot} and returns an extractor for it. */
    public static EmbeddingExtractor create(Backbone backbone, java.nio.file.Path storeRoot, int batchSize,
            int workers) throws IOException {
        EmbeddingStore store = EmbeddingStore.open(storeRoot, backbone.id(),
                backbone.gridHeight() * backbone.gridWidth(), backbone.embeddingDim());
        return new EmbeddingExtractor(backbone, store, batchSize, workers);
    }

    /**
     * @return an extractor for another backbone (a fine-tuned one) on the same store root, batch
     *     size and workers; its embeddings go to that backbone's own part of the store
     */
    public EmbeddingExtractor sibling(Backbone other) throws IOException {
        return create(other, store.folder().getParent(), batchSize, workers);
    }

    public Backbone backbone() {
        return backbone;
    }

    public EmbeddingStore store() {
        return store;
    }

    /** @return images per forward pass */
    public int batchSize() {
        return batchSize;
    }

    /** @return images sent through the backbone by this extractor so far */
    public long forwardImages() {
        return forwardImages.get();
    }

    /**
     * Embeds what is missing and returns the images' embeddings as a source, in order. A stored
     * file found damaged when the source reads it is computed again (and the progress warned),
     * never used.
     */
    public PatchSource embeddings(List<ImageRecord> images, Progress progress) throws IOException {
        List<String> keys = embed(images, progress).images().stream().map(EmbeddedImage::key).toList();
        return stored(images, keys, Map.of(), progress);
    }

    /**
     * As {@link #embeddings}, for a short list scored right away (a streamed prediction's chunk):
     * the images computed now are served from memory, not read back from the store they are also
     * written to (a 2.4 MB file per image, written past the page cache, then read and checked
     * again). They stay in memory as long as the source does, so the list must be short.
     */
    public PatchSource embeddingsKeptInMemory(List<ImageRecord> images, Progress progress) throws IOException {
        Map<String, PatchEmbeddings> computed = new ConcurrentHashMap<>();
        List<String> keys = embed(images, progress, computed).images().stream().map(EmbeddedImage::key).toList();
        return stored(images, keys, computed, progress);
    }

    /** @param kept embeddings computed now, served without reading them back */
    private PatchSource stored(List<ImageRecord> images, List<String> keys, Map<String, PatchEmbeddings> kept,
            Progress progress) {
        return PatchSource.of(store, keys, kept,
                (i, damaged) -> embedAgain(images.get(i), keys.get(i), damaged, progress));
    }

    private synchronized PatchEmbeddings embedAgain(ImageRecord image, String key, DamagedEmbeddingException damaged,
            Progress progress) throws IOException {
        progress.warn(damaged.getMessage().replaceFirst("; it is computed again.*", "") + "; computing "
                + image.image() + " again");
        store.delete(key);
        embed(List.of(image), Progress.NONE);
        return store.get(key);
    }

    /**
     * Makes sure every image has embeddings in the store. Each image it embeds is decoded once
     * and checked as the validator checks it (readable, mask of its size, binary mask); a bad
     * image does not stop the pass: the others are embedded (and kept in the store) and every
     * problem is reported together at the end.
     *
     * @throws InvalidDatasetException listing every image that could not be embedded
     * @throws org.crossdefect.core.progress.CancelledException if the progress asked to stop;
     *     embeddings finished so far stay in the store, so a new run resumes
     */
    public Result embed(List<ImageRecord> images, Progress progress) throws IOException {
        return embed(images, progress, null);
    }

    /** @param kept if not null, receives the embeddings computed now, by key */
    private Result embed(List<ImageRecord> images, Progress progress, Map<String, PatchEmbeddings> kept)
            throws IOException {
        ExecutorService prepare = Executors.newFixedThreadPool(workers, daemon("crossdefect-prepare"));
        ExecutorService writer = Executors.newSingleThreadExecutor(daemon("crossdefect-store"));
        List<EmbeddedImage> result = new ArrayList<>(images.size());
        Deque<List<Future<Prepared>>> inFlight = new ArrayDeque<>();
        Deque<Future<?>> writes = new ArrayDeque<>();
        int computed = 0;
        int next = 0;
        List<ValidationProblem> problems = new ArrayList<>();
        try {
            progress.update(0, images.size(), "embedding images");
            // Keep two batches in preparation: the one the backbone takes next and the one after.
            while (next < images.size() && inFlight.size() < 2) {
                inFlight.add(submit(prepare, images, next, progress));
                next += batchSize;
            }
            while (!inFlight.isEmpty()) {
                progress.checkCancelled();
                List<Prepared> batch = new ArrayList<>();
                for (Future<Prepared> f : inFlight.removeFirst()) {
                    batch.add(await(f));
                }
                if (next < images.size()) {
                    inFlight.add(submit(prepare, images, next, progress));
                    next += batchSize;
                }
                batch.forEach(p -> problems.addAll(p.problems()));
                List<Prepared> missing = batch.stream().filter(p -> p.input() != null).toList();
                if (!missing.isEmpty()) {
                    List<PatchEmbeddings> embeddings = forward(missing);
                    computed += missing.size();
                    if (kept != null) {
                        embeddings.forEach(e -> kept.put(e.key(), e));
                    }
                    writes.add(writer.submit(() -> {
                        for (PatchEmbeddings e : embeddings) {
                            store.put(e);
                        }
                        return null;
                    }));
                }
                while (writes.size() > 2) {
                    await(writes.removeFirst());
                }
                batch.forEach(p -> result.add(new EmbeddedImage(p.image(), p.key())));
                progress.update(result.size(), images.size(), "embedding images");
            }
            while (!writes.isEmpty()) {
                await(writes.removeFirst());
            }
            if (!problems.isEmpty()) {
                throw new InvalidDatasetException(new ValidationReport(problems));
            }
        } finally {
            prepare.shutdownNow();
            writer.shutdown();
            awaitQuietly(writer);
            awaitQuietly(prepare);
        }
        return new Result(result, computed, images.size() - computed);
    }

    private List<Future<Prepared>> submit(ExecutorService pool, List<ImageRecord> images, int from,
            Progress progress) {
        List<Future<Prepared>> futures = new ArrayList<>();
        for (int i = from; i < Math.min(from + batchSize, images.size()); i++) {
            ImageRecord image = images.get(i);
            futures.add(pool.submit(() -> prepare(image, progress)));
        }
        return futures;
    }

    private Prepared prepare(ImageRecord image, Progress progress) throws IOException {
        byte[] bytes;
        byte[] maskBytes;
        try {
            bytes = ImageFiles.readBytes(image.image());
            maskBytes = image.mask() == null ? null : ImageFiles.readBytes(image.mask());
        } catch (ImageReadException e) {
            return Prepared.failed(image, List.of(TreeValidator.readProblem(e)));
        }
        String key = EmbeddingStore.key(bytes, maskBytes, image.region());
        EmbeddingStore.Entry entry = store.entry(key);
        if (entry == EmbeddingStore.Entry.PRESENT) {
            return new Prepared(image, key, null, null);
        }
        if (entry == EmbeddingStore.Entry.DAMAGED) {
            progress.warn("the stored embeddings of " + image.image() + " are damaged (truncated or wrong size); "
                    + "computing them again");
        }
        BufferedImage decoded;
        BufferedImage mask = null;
        try {
            decoded = ImageFiles.decode(bytes, image.image());
            if (maskBytes != null) {
                mask = ImageFiles.decode(maskBytes, image.mask());
            }
        } catch (ImageReadException e) {
            return Prepared.failed(image, List.of(TreeValidator.readProblem(e)));
        }
        List<ValidationProblem> problems = TreeValidator.checkDecoded(image, decoded, mask);
        if (!problems.isEmpty()) {
            return Prepared.failed(image, problems);
        }
        try {
            // Checked whole (the mask's size against the image's), then cut to the tile.
            decoded = ImageFiles.regionOf(image, decoded, image.image());
            mask = mask == null ? null : ImageFiles.regionOf(image, mask, image.mask());
        } catch (ImageReadException e) {
            return Prepared.failed(image, List.of(TreeValidator.readProblem(e)));
        }
        warnIfTiny(image, decoded, progress);
        float[] input = backbone.preprocessing().input(decoded);
        float[] fractions = mask == null ? null
                : backbone.preprocessing().maskFractions(mask, backbone.gridHeight(), backbone.gridWidth());
        return new Prepared(image, key, input, fractions);
    }

    /**
     * Below this side an image is blown up several times to the backbone's input and holds no
     * detail a patch could see: worth a warning, not a refusal (it may be a deliberate thumbnail).
     */
    static final int SMALLEST_USEFUL_SIDE = 32;
    private static final int TINY_WARNINGS = 5;
    private final java.util.concurrent.atomic.AtomicInteger tinyImages = new java.util.concurrent.atomic.AtomicInteger();

    private void warnIfTiny(ImageRecord image, BufferedImage decoded, Progress progress) {
        if (Math.min(decoded.getWidth(), decoded.getHeight()) >= SMALLEST_USEFUL_SIDE) {
            return;
        }
        int n = tinyImages.incrementAndGet();
        if (n <= TINY_WARNINGS) {
            progress.warn(image.image() + " is only " + decoded.getWidth() + "x" + decoded.getHeight() + " pixels: it is "
                    + "enlarged to the backbone's " + backbone.preprocessing().resize() + " px input and holds no "
                    + "detail; use images of at least " + SMALLEST_USEFUL_SIDE + " px a side"
                    + (n == TINY_WARNINGS ? " (further tiny images are not listed)" : ""));
        }
    }

    /**
     * Synchronized with {@link #embedAgain}: a streamed prediction embeds its next chunk on one
     * thread while a damaged stored file may be computed again on the scoring thread.
     */
    private synchronized List<PatchEmbeddings> forward(List<Prepared> batch) {
        int n = batch.size();
        int crop = backbone.preprocessing().crop();
        List<float[]> inputs = new ArrayList<>(n);
        for (Prepared p : batch) {
            inputs.add(p.input());
        }
        List<float[]> embedded;
        try (NDManager scope = backbone.newScope()) {
            // Through the one reused buffer: DJL would copy a Java array into a new direct buffer
            // per batch (4.8 MB), freed only by a garbage collection. The array is closed with the
            // scope before the next batch refills the buffer; forward is synchronized.
            NDArray x = uploadBuffer.uploadJoined(inputs, new Shape(n, 3, crop, crop), scope);
            embedded = Download.split(PatchEmbedder.embed(backbone.features(x)), n);
        }
        forwardImages.addAndGet(n);
        int patches = store.patches();
        int dim = store.dim();
        List<PatchEmbeddings> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Prepared p = batch.get(i);
            out.add(new PatchEmbeddings(p.key(), patches, dim, embedded.get(i), p.maskFractions()));
        }
        return out;
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while embedding");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            // Writes in progress finish so no temporary file is left; a store file is complete or absent.
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }

}
