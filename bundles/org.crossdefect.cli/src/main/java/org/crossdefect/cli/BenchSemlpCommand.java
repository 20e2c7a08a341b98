package org.crossdefect.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.MvtecTree;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.files.AtomicFiles;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.embed.PatchLabelRule;
import org.crossdefect.core.semlp.SemlpMethod;
import org.crossdefect.core.semlp.SemlpModel;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.semlp.SemlpSettings;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;

import ai.djl.ndarray.NDManager;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crossdefect bench semlp}: SEMLP training time per epoch on random patch embeddings in
 * memory (a pool of images served repeatedly, so the figure is the training loop, not I/O), and
 * prediction throughput with the backbone's embedding step excluded and included.
 */
@Command(name = "semlp", mixinStandardHelpOptions = true,
        description = {"SEMLP training seconds per epoch for --patches random embeddings at each of --dims, and "
                + "prediction images/s without and with the embedding step (the --backbone's dimension).",
                "Last line: predict_with_embedding_images_per_s=<n>."})
final class BenchSemlpCommand implements Callable<Integer> {

    private static final int GRID = 28;
    private static final int POOL = 32;

    @Mixin
    BackboneOptions backboneOptions;

    @Option(names = "--patches", defaultValue = "1000000", description = "Training patches per epoch (default: ${DEFAULT-VALUE}).")
    long patches;

    @Option(names = "--dims", split = ",", defaultValue = "768,1536",
            description = "Embedding dimensions to train at (default: ${DEFAULT-VALUE}).")
    List<Integer> dims;

    @Option(names = "--batch", defaultValue = "" + SemlpSettings.DEFAULT_BATCH,
            description = "Patches per training step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--images", defaultValue = "64", description = "Images to predict (default: ${DEFAULT-VALUE}).")
    int images;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        out.printf("patches=%d batch=%d grid=%dx%d threads=%d%n", patches, batch, GRID, GRID,
                Runtime.getRuntime().availableProcessors());
        DjlRuntime.start(0);
        for (int dim : dims) {
            // Images enough that the kept (labelled, not dropped) patches reach --patches.
            PatchSource pool = randomSource(dim, POOL, true);
            long keptInPool = 0;
            for (int i = 0; i < POOL; i++) {
                PatchEmbeddings e = pool.image(i);
                for (int q = 0; q < e.patches(); q++) {
                    keptInPool += e.maskFractions() == null || PatchLabelRule.DEFAULT.anomalous(e, q) ? 1 : 0;
                }
            }
            int count = (int) Math.ceil((double) patches * POOL / keptInPool);
            PatchSource source = randomSource(dim, count, true);
            SemlpSettings settings = SemlpSettings.from(Parameters.of(SemlpSettings.EPOCHS.key(), 1,
                    SemlpSettings.BATCH_SIZE.key(), batch));
            long start = System.nanoTime();
            try (NDManager manager = DjlRuntime.newManager(ai.djl.Device.cpu());
                    SemlpModel model = SemlpModel.fit(info(dim), source, null, null, null, settings, 0,
                            manager.newSubManager(), Progress.NONE)) {
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf("train_d%d_seconds_per_epoch=%.2f (%d images, ~%d kept patches, %d params, label "
                        + "counting pass included)%n", dim, seconds, count, count * keptInPool / POOL,
                        model.parameterCount());
            }
        }
        Path work = Files.createTempDirectory("crossdefect-bench-semlp");
        try (Backbone backbone = Backbone.load(backboneOptions.spec())) {
            int dim = backbone.embeddingDim();
            ModelInfo info = ModelInfo.of(SemlpMethod.ID, backbone);
            PatchSource train = randomSource(dim, 64, true);
            try (SemlpModel model = SemlpModel.fit(info, train, null, null, null,
                    SemlpSettings.from(Parameters.of(SemlpSettings.EPOCHS.key(), 1)), 0,
                    DjlRuntime.newManager(backbone.device()), Progress.NONE)) {
                PatchSource test = randomSource(dim, images, false);
                model.score(test, Progress.NONE);
                long start = System.nanoTime();
                model.score(test, Progress.NONE);
                double without = images / ((System.nanoTime() - start) / 1e9);
                out.printf("predict_without_embedding_images_per_s=%.1f (d=%d)%n", without, dim);
                Path tree = work.resolve("tree");
                SyntheticMvtecGenerator.generate(SynthSpec.standard(256, (images + 4) / 5 + 2, 0, 0, 5), tree, false,
                        Progress.NONE);
                List<ImageRecord> all = new ArrayList<>(MvtecTree.open(tree).allImages());
                EmbeddingExtractor warm = EmbeddingExtractor.create(backbone, work.resolve("warm"), 8, 1);
                model.score(warm.embeddings(all.subList(images, Math.min(all.size(), images + 8)), Progress.NONE),
                        Progress.NONE);
                EmbeddingExtractor extractor = EmbeddingExtractor.create(backbone, work.resolve("store"), 8, 1);
                start = System.nanoTime();
                model.score(extractor.embeddings(all.subList(0, images), Progress.NONE), Progress.NONE);
                double with = images / ((System.nanoTime() - start) / 1e9);
                out.printf("backbone=%s device=%s%n", backbone.id(), backbone.device());
                out.printf("predict_with_embedding_images_per_s=%.2f%n", with);
            }
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
        return 0;
    }

    private static ModelInfo info(int dim) {
        return new ModelInfo(SemlpMethod.ID, "bench-random-" + dim, "random", List.of("random"), dim, GRID, GRID);
    }

    /** {@code count} images served from a pool of random ones; every fourth image has a defect mask. */
    private static PatchSource randomSource(int dim, int count, boolean masks) {
        int p = GRID * GRID;
        SplittableRandom random = new SplittableRandom(dim);
        List<PatchEmbeddings> pool = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            float[] v = new float[p * dim];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextDouble();
            }
            float[] fractions = null;
            if (masks && i % 4 == 3) {
                fractions = new float[p];
                for (int q = 0; q < p; q++) {
                    fractions[q] = random.nextDouble() < 0.1 ? 1f : 0f;
                }
            }
            pool.add(new PatchEmbeddings("pool" + i, p, dim, v, fractions));
        }
        return new PatchSource() {
            @Override
            public int images() {
                return count;
            }

            @Override
            public int patches() {
                return p;
            }

            @Override
            public int dim() {
                return dim;
            }

            @Override
            public PatchEmbeddings image(int i) {
                return pool.get(i % POOL);
            }
        };
    }
}
