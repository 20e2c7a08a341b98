package org.crossdefect.core.semlp;

import java.io.IOException;
import java.util.SplittableRandom;

import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.progress.Progress;

/**
 * Mini-batches of labelled patches from a {@link PatchSource}, read one image at a time, so
 * memory is bounded whatever the source's size. Shuffled: images in a seeded random order, then
 * a bounded shuffle buffer of patches (each incoming patch replaces a random buffered one, which
 * goes into the batch), so a batch mixes patches of many images. When the whole training set
 * fits in the buffer, this is a full shuffle.
 */
final class PatchBatches {

    /** Receives a batch: {@code n} patches, {@code x} holds n x dim values, {@code y} n labels. */
    interface Consumer {
        void accept(float[] x, int[] y, int n) throws IOException;
    }

    /** Floats held by the shuffle buffer: 64 MB, e.g. ~21k patches at D = 768. */
    static final int BUFFER_FLOATS = 1 << 24;

    private PatchBatches() {
    }

    /** Shuffled batches of the kept patches, one pass. */
    static void shuffled(PatchSource source, PatchLabels labels, int batchSize, SplittableRandom random,
            Progress progress, Consumer consumer) throws IOException {
        int dim = source.dim();
        int capacity = Math.max(batchSize, BUFFER_FLOATS / dim);
        int[] order = new int[source.images()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        Sink sink = new Sink(dim, batchSize, consumer);
        float[] buffer = null;
        int[] bufferLabels = null;
        int size = 0;
        int[] imageLabels = new int[source.patches()];
        for (int i : order) {
            progress.checkCancelled();
            PatchEmbeddings e = source.image(i);
            labels.label(i, e, imageLabels);
            for (int p = 0; p < e.patches(); p++) {
                if (imageLabels[p] == PatchLabels.DROPPED) {
                    continue;
                }
                if (buffer == null) {
                    buffer = new float[capacity * dim];
                    bufferLabels = new int[capacity];
                }
                if (size < capacity) {
                    System.arraycopy(e.values(), p * dim, buffer, size * dim, dim);
                    bufferLabels[size++] = imageLabels[p];
                } else {
                    int j = random.nextInt(capacity);
                    sink.add(buffer, j, bufferLabels[j]);
                    System.arraycopy(e.values(), p * dim, buffer, j * dim, dim);
                    bufferLabels[j] = imageLabels[p];
                }
            }
        }
        while (size > 0) {
            int j = random.nextInt(size);
            sink.add(buffer, j, bufferLabels[j]);
            size--;
            System.arraycopy(buffer, size * dim, buffer, j * dim, dim);
            bufferLabels[j] = bufferLabels[size];
        }
        sink.flush();
    }

    /** Batches of the kept patches in source order (validation). */
    static void inOrder(PatchSource source, PatchLabels labels, int batchSize, Progress progress, Consumer consumer)
            throws IOException {
        Sink sink = new Sink(source.dim(), batchSize, consumer);
        int[] imageLabels = new int[source.patches()];
        for (int i = 0; i < source.images(); i++) {
            progress.checkCancelled();
            PatchEmbeddings e = source.image(i);
            labels.label(i, e, imageLabels);
            for (int p = 0; p < e.patches(); p++) {
                if (imageLabels[p] != PatchLabels.DROPPED) {
                    sink.add(e.values(), p, imageLabels[p]);
                }
            }
        }
        sink.flush();
    }

    private static final class Sink {
        private final int dim;
        private final float[] x;
        private final int[] y;
        private final Consumer consumer;
        private int n;

        Sink(int dim, int batchSize, Consumer consumer) {
            this.dim = dim;
            this.x = new float[batchSize * dim];
            this.y = new int[batchSize];
            this.consumer = consumer;
        }

        void add(float[] values, int row, int label) throws IOException {
            System.arraycopy(values, row * dim, x, n * dim, dim);
            y[n++] = label;
            if (n == y.length) {
                flush();
            }
        }

        void flush() throws IOException {
            if (n > 0) {
                consumer.accept(x, y, n);
                n = 0;
            }
        }
    }
}
