package org.crossdefect.core.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.InvalidDatasetException;
import org.crossdefect.core.data.ValidationProblem;
import org.crossdefect.core.data.ValidationReport;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.nn.NearestNeighbours;
import org.crossdefect.core.progress.CancelledException;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.ImageScore;

/**
 * Prediction as a stream: the images go in chunks of about one nearest-neighbour search block,
 * and while the model scores one chunk, a second thread embeds the next (decoding, backbone,
 * store). The two halves have serial parts of their own (a forward batch waiting for decoded
 * images, the search's per-image bookkeeping), so each fills the other's idle cores; before,
 * every image was embedded before the first was scored.
 *
 * <p>The scores are the ones an embed-then-score pass gives: every method scores an image from
 * its own embeddings alone. Bad images do not stop the embedding of the others: every problem is
 * reported together at the end, as the single pass did, and nothing is scored after the first.
 */
final class StreamedPrediction {

    private final AnomalyModel model;
    private final EmbeddingExtractor extractor;
    private final List<ImageRecord> images;
    private final Progress progress;
    /** Set when the caller stops (an error, a cancel): the embedding thread then stops at its next check. */
    private final AtomicBoolean stop = new AtomicBoolean();

    private final int chunk;

    StreamedPrediction(AnomalyModel model, EmbeddingExtractor extractor, List<ImageRecord> images, Progress progress) {
        this(model, extractor, images, progress, chunkImages(extractor.store().patches(), extractor.batchSize()));
    }

    /** @param chunk images embedded (and then scored) together */
    StreamedPrediction(AnomalyModel model, EmbeddingExtractor extractor, List<ImageRecord> images, Progress progress,
            int chunk) {
        this.model = model;
        this.extractor = extractor;
        this.images = images;
        this.progress = progress;
        this.chunk = chunk;
    }

    /** @return images per chunk: whole forward batches, about one block of the fast search */
    static int chunkImages(int patchesPerImage, int batch) {
        int block = Math.max(1, NearestNeighbours.FAST_QUERY_BLOCK / Math.max(1, patchesPerImage));
        return Math.max(batch, block / batch * batch);
    }

    List<ImageScore> run() throws IOException {
        int n = images.size();
        // Counts of the halves would interleave on one bar; the stream reports images predicted.
        Progress inner = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                // the stream's own count below
            }

            @Override
            public boolean cancelRequested() {
                return stop.get() || progress.cancelRequested();
            }

            @Override
            public void warn(String message) {
                progress.warn(message);
            }
        };
        List<ImageScore> scores = new ArrayList<>(n);
        List<ValidationProblem> problems = new ArrayList<>();
        ExecutorService ahead = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "crossdefect-embed-ahead");
            t.setDaemon(true);
            return t;
        });
        try {
            progress.update(0, n, "predicting images");
            Future<PatchSource> next = n == 0 ? null : ahead.submit(() -> extractor.embeddingsKeptInMemory(chunk(0, chunk), inner));
            for (int from = 0; from < n; from += chunk) {
                PatchSource source = await(next, problems);
                if (from + chunk < n) {
                    int nextFrom = from + chunk;
                    next = ahead.submit(() -> extractor.embeddingsKeptInMemory(chunk(nextFrom, chunk), inner));
                }
                if (source != null && problems.isEmpty()) {
                    scores.addAll(model.score(source, inner));
                    progress.update(scores.size(), n, "predicting images");
                }
            }
        } finally {
            // The embedding thread uses the backbone, which the caller closes next: wait for it.
            stop.set(true);
            ahead.shutdown();
            awaitTermination(ahead);
        }
        progress.checkCancelled();
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(new ValidationReport(problems));
        }
        return scores;
    }

    private List<ImageRecord> chunk(int from, int size) {
        return images.subList(from, Math.min(images.size(), from + size));
    }

    /** @return the chunk's embeddings, or null when some of its images are bad (added to problems) */
    private static PatchSource await(Future<PatchSource> future, List<ValidationProblem> problems) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidDatasetException bad) {
                problems.addAll(bad.report().problems());
                return null;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    private static void awaitTermination(ExecutorService executor) {
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
