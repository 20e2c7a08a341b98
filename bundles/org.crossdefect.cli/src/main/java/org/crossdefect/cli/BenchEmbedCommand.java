package org.crossdefect.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.MvtecTree;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.embed.EmbeddingStore;
import org.crossdefect.core.embed.PatchEmbedder;
import org.crossdefect.core.files.AtomicFiles;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.runtime.Download;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crossdefect bench embed}: images/s of the raw backbone forward (an input tensor made
 * once, forward only) next to the whole embedding pipeline (read, decode, preprocess, forward,
 * pooling, concatenation, store write), same backbone and batch size, in one run.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Raw backbone forward vs the whole embedding pipeline, same backbone and batch size.",
                "Also the store's read speed with and without checksum verification. "
                        + "Last line: pipeline_over_raw=<ratio>. With --memory-images N it also embeds N distinct images "
                        + "and reports resident memory after 100 and after N images."})
final class BenchEmbedCommand implements Callable<Integer> {

    @Mixin
    BackboneOptions backboneOptions;

    @Option(names = "--root", description = "MVTec-layout tree whose images to use (default: a synthetic tree).")
    Path root;

    @Option(names = "--images", defaultValue = "64", description = "Images per measurement (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--batch", defaultValue = "8", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--workers", defaultValue = "1", description = "Decode threads (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--size", defaultValue = "256", description = "Synthetic image side (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--memory-images", defaultValue = "0",
            description = "Also embed this many distinct images and report resident memory (e.g. 1000).")
    int memoryImages;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("crossdefect-bench");
        try (Backbone backbone = Backbone.load(backboneOptions.spec())) {
            int needed = Math.max(images + batch * 2, memoryImages);
            List<ImageRecord> pool = root != null ? MvtecTree.open(root).allImages() : synthetic(work, needed);
            if (pool.size() < images + batch * 2) {
                throw new IllegalArgumentException(root + " has " + pool.size() + " images; the benchmark needs "
                        + (images + batch * 2));
            }
            out.printf("backbone=%s device=%s batch=%d images=%d source=%s threads=%d%n", backbone.id(),
                    backbone.device(), batch, images, root != null ? root : "synthetic " + size + "px",
                    Runtime.getRuntime().availableProcessors());
            double raw = rawForward(backbone, false);
            // Warm the pipeline's code paths on other images, then measure on fresh ones.
            EmbeddingExtractor.create(backbone, work.resolve("warm"), batch, workers)
                    .embed(pool.subList(images, images + batch * 2), Progress.NONE);
            EmbeddingExtractor extractor = EmbeddingExtractor.create(backbone, work.resolve("store"), batch, workers);
            long start = System.nanoTime();
            List<String> keys = extractor.embed(pool.subList(0, images), Progress.NONE).images().stream()
                    .map(EmbeddingExtractor.EmbeddedImage::key).toList();
            double pipeline = images / ((System.nanoTime() - start) / 1e9);
            storeReads(extractor.store(), keys);
            double rawAgain = rawForward(backbone, false);
            double rawMean = (raw + rawAgain) / 2;
            double embedded = rawForward(backbone, true);
            out.printf("raw_forward_images_per_s=%.2f (before %.2f, after %.2f)%n", rawMean, raw, rawAgain);
            // The same input through the patch embedding (pooling, upsampling, concatenation) and
            // out of PyTorch: the share of the gap that is not decoding or the store.
            out.printf("raw_forward_embedded_downloaded_images_per_s=%.2f%n", embedded);
            out.printf("pipeline_images_per_s=%.2f%n", pipeline);
            if (memoryImages > 0) {
                memory(backbone, pool.subList(0, memoryImages), work.resolve("memory"));
            }
            out.printf("pipeline_over_raw=%.3f%n", pipeline / rawMean);
            return 0;
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
    }

    /**
     * Reads every stored file with and without checksum verification, alternating rounds so
     * both see the same page cache and machine noise; what verifying costs a method's reads.
     */
    private void storeReads(EmbeddingStore store, List<String> keys) throws java.io.IOException {
        double verified = 0;
        double unverified = 0;
        for (int round = 0; round < 6; round++) {
            boolean verify = round % 2 == 0;
            long start = System.nanoTime();
            for (String key : keys) {
                store.get(key, verify);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (round < 2) {
                continue; // warm-up of both paths
            }
            if (verify) {
                verified += seconds;
            } else {
                unverified += seconds;
            }
        }
        out.printf("store_read_verified_images_per_s=%.1f%n", 2 * keys.size() / verified);
        out.printf("store_read_unverified_images_per_s=%.1f%n", 2 * keys.size() / unverified);
        out.printf("store_read_verified_over_unverified=%.3f%n", unverified / verified);
    }

    /**
     * The backbone's forward of a ready-made input, no I/O: what the backbone alone costs; with
     * {@code embedded}, also the patch embedding and its download to Java, as the pipeline does.
     */
    private double rawForward(Backbone backbone, boolean embedded) {
        int rounds = Math.max(1, images / batch);
        try (NDManager scope = backbone.newScope()) {
            var input = scope.randomUniform(-1, 1, new Shape(batch, 3, backbone.preprocessing().crop(),
                    backbone.preprocessing().crop()));
            // PyTorch's CPU kernels settle over the first few batches (allocator, primitive caches).
            for (int i = 0; i < 6; i++) {
                try (NDManager step = scope.newSubManager()) {
                    var x = input.duplicate();
                    x.attach(step);
                    PatchEmbedder.embed(backbone.features(x)).toFloatArray();
                }
            }
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                try (NDManager step = scope.newSubManager()) {
                    var x = input.duplicate();
                    x.attach(step);
                    if (embedded) {
                        Download.split(PatchEmbedder.embed(backbone.features(x)), batch);
                    } else {
                        backbone.features(x).close();
                    }
                }
            }
            return rounds * batch / ((System.nanoTime() - start) / 1e9);
        }
    }

    private void memory(Backbone backbone, List<ImageRecord> images, Path store) throws Exception {
        EmbeddingExtractor extractor = EmbeddingExtractor.create(backbone, store, batch, workers);
        long[] at100 = {-1};
        Progress sampler = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                if (at100[0] < 0 && done >= 100) {
                    System.gc();
                    at100[0] = ResidentMemory.bytes();
                }
            }

            @Override
            public boolean cancelRequested() {
                return false;
            }
        };
        extractor.embed(images, sampler);
        System.gc();
        long atEnd = ResidentMemory.bytes();
        out.printf("rss_after_100_images_mb=%.1f%n", at100[0] / 1048576.0);
        out.printf("rss_after_%d_images_mb=%.1f%n", images.size(), atEnd / 1048576.0);
        out.printf("rss_growth=%.3f%n", (double) atEnd / at100[0] - 1);
    }

    private List<ImageRecord> synthetic(Path work, int needed) throws Exception {
        int perCategory = (needed + 4) / 5;
        Path tree = work.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(size, perCategory, 0, 0, 11), tree, false, Progress.NONE);
        List<ImageRecord> all = new ArrayList<>(MvtecTree.open(tree).allImages());
        return all;
    }
}
