package org.crossdefect.core.synth;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.crossdefect.core.data.DatasetMapping;
import org.crossdefect.core.data.DatasetMappings;
import org.crossdefect.core.files.AtomicFiles;
import org.crossdefect.core.progress.Progress;

/**
 * Writes a synthetic dataset in the MVTec AD layout:
 * {@code <category>/train/good}, {@code <category>/test/good}, {@code <category>/test/<defect>}
 * and {@code <category>/ground_truth/<defect>/NNN_mask.png}, plus one dataset mapping file
 * {@code <kind>.csv} per defect kind at the root ({@link SynthSpec#datasetMappings()}).
 *
 * <p>Every image is drawn from its own random source, seeded from the spec's seed and the image's
 * place in the tree, so the output is byte-identical for the same spec whatever the thread count
 * and whatever other categories the spec has.
 */
public final class SyntheticMvtecGenerator {

    /** Enough to keep a few cores busy without taking over a KNIME or CI machine. */
    private static final int MAX_THREADS = 4;

    private SyntheticMvtecGenerator() {
    }

    /**
     * Writes the whole tree, or nothing: it is built beside {@code out} and moved into place
     * when complete, so a failure or a cancel leaves {@code out} as it was.
     *
     * @param overwrite whether an existing {@code out} may be replaced
     * @param progress told after each image (from the calling thread only), asked before each
     *     whether to stop
     * @throws org.crossdefect.core.error.OutputExistsException if {@code out} exists and overwrite is false
     * @throws org.crossdefect.core.progress.CancelledException if the progress asked to stop
     */
    public static void generate(SynthSpec spec, Path out, boolean overwrite, Progress progress) throws IOException {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(progress, "progress");
        List<ImageJob> jobs = ImageJob.plan(spec);
        AtomicFiles.writeFolder(out, overwrite, root -> writeAll(spec, jobs, root, progress));
    }

    /** Draws one image and, for a defect image, its mask, into the tree at {@code root}. */
    static void writeImage(SynthSpec spec, ImageJob job, Path root) throws IOException {
        SplittableRandom rng = new SplittableRandom(job.seed(spec.seed()));
        Canvas canvas = SurfaceRenderer.render(job.category().style(), job.category().name(), spec.imageSize(), rng);
        boolean[] mask = job.defect() == null ? null : DefectPainter.paint(job.defect(), canvas, rng);
        // Sensor noise comes last so it lies over defects too, as it would in a photograph.
        canvas.addSensorNoise(rng, 2.0);
        PngFiles.write(canvas.toImage(), job.imagePath(root));
        if (mask != null) {
            PngFiles.write(PngFiles.maskImage(mask, spec.imageSize()), job.maskPath(root));
        }
    }

    private static void writeAll(SynthSpec spec, List<ImageJob> jobs, Path root, Progress progress)
            throws IOException {
        for (Path folder : ImageJob.folders(spec, root)) {
            Files.createDirectories(folder);
        }
        // Mapping files beside the categories (the reader takes only folders as categories).
        for (DatasetMapping mapping : spec.datasetMappings()) {
            DatasetMappings.write(mapping, root.resolve(mapping.name() + ".csv"));
        }
        int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "crossdefect-synth");
            t.setDaemon(true);
            return t;
        });
        // Lets queued images be skipped quickly once the caller stopped waiting for them.
        AtomicBoolean stop = new AtomicBoolean();
        try {
            List<Future<?>> pending = new ArrayList<>(jobs.size());
            for (ImageJob job : jobs) {
                pending.add(pool.submit(() -> {
                    if (!stop.get()) {
                        writeImage(spec, job, root);
                    }
                    return null;
                }));
            }
            for (int i = 0; i < jobs.size(); i++) {
                progress.checkCancelled();
                await(pending.get(i));
                progress.update(i + 1, jobs.size(), jobs.get(i).label());
            }
        } finally {
            stop.set(true);
            pool.shutdown();
            // The temporary tree is deleted after we return; no worker may still be writing in it.
            awaitTermination(pool);
        }
    }

    private static void await(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while generating images");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                // Keep waiting: returning early would let a worker write into a deleted folder.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
