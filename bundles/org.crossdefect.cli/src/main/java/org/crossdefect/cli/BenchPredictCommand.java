package org.crossdefect.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.embed.EmbeddingStore;
import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.engine.Engine;
import org.crossdefect.core.eval.Evaluation;
import org.crossdefect.core.files.AtomicFiles;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.nn.NearestNeighbours;
import org.crossdefect.core.nn.Search;
import org.crossdefect.core.patchcore.LabeledPatchCoreModel;
import org.crossdefect.core.patchcore.PatchCoreModel;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.score.Prediction;

import ai.djl.Device;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crossdefect bench predict}: {@code predict} end to end (model and backbone load, image
 * check, decoding, embedding, search, scores) with the exact and the fast nearest-neighbour
 * search, each on a fresh embedding store and then a warm one, side by side in one JVM; image and
 * pixel AUROC of both and the fast search's recall@1 against the exact one on the same patches.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Images/s of predict end to end, exact vs fast nearest-neighbour search, fresh and warm "
                + "embedding store, in one run; AUROC of both and recall@1 of the fast search. Last line: "
                + "fast_over_exact_fresh=<ratio>.")
final class BenchPredictCommand implements Callable<Integer> {

    @Mixin
    SelectionOptions selection;

    @Mixin
    WeightsOptions location;

    @Option(names = "--model", required = true, description = "Model file from 'crossdefect train'.")
    Path model;

    @Option(names = "--batch", defaultValue = "8", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--rounds", defaultValue = "2", description = "Rounds of each measurement; fresh and warm runs "
            + "alternate between the searches (default: ${DEFAULT-VALUE}).")
    int rounds;

    private final PrintStream out = System.out;

    /** One search's figures: seconds per round, fresh and warm, and the last evaluation. */
    private static final class Figures {
        final List<Double> fresh = new ArrayList<>();
        final List<Double> warm = new ArrayList<>();
        Evaluation evaluation;
        List<Prediction> predictions;
    }

    @Override
    public Integer call() throws Exception {
        Path scratch = Files.createTempDirectory("crossdefect-bench-predict");
        try {
            Map<Search, Figures> figures = new EnumMap<>(Search.class);
            for (Search s : Search.values()) {
                figures.put(s, new Figures());
            }
            int images = 0;
            for (int round = 0; round < rounds; round++) {
                // Alternating order (ABBA) so a drift of the machine's speed falls on both searches alike.
                List<Search> order = round % 2 == 0 ? List.of(Search.EXACT, Search.FAST) : List.of(Search.FAST, Search.EXACT);
                for (Search s : order) {
                    Path store = scratch.resolve("store-" + s + "-" + round);
                    Figures f = figures.get(s);
                    f.fresh.add(timed(store, s, f));
                    f.warm.add(timed(store, s, f));
                    images = f.predictions.size();
                }
            }
            Path warmStore = scratch.resolve("store-" + Search.FAST + "-0");
            double recall = recallAtOne(warmStore, figures.get(Search.FAST).predictions);
            Figures exact = figures.get(Search.EXACT);
            Figures fast = figures.get(Search.FAST);
            out.printf(Locale.ROOT, "images=%d rounds=%d model=%s%n", images, rounds, model.getFileName());
            for (Search s : Search.values()) {
                Figures f = figures.get(s);
                String name = s.name().toLowerCase(Locale.ROOT);
                out.printf(Locale.ROOT, "%s_fresh_images_per_s=%.2f%n", name, images / median(f.fresh));
                out.printf(Locale.ROOT, "%s_warm_images_per_s=%.2f%n", name, images / median(f.warm));
                out.printf(Locale.ROOT, "%s_image_auroc=%.4f%n", name, f.evaluation.imageAuroc());
                out.printf(Locale.ROOT, "%s_pixel_auroc=%s%n", name, f.evaluation.pixelAuroc() == null ? "n/a"
                        : String.format(Locale.ROOT, "%.4f", f.evaluation.pixelAuroc()));
            }
            out.printf(Locale.ROOT, "image_auroc_change=%.4f%n",
                    fast.evaluation.imageAuroc() - exact.evaluation.imageAuroc());
            if (fast.evaluation.pixelAuroc() != null && exact.evaluation.pixelAuroc() != null) {
                out.printf(Locale.ROOT, "pixel_auroc_change=%.4f%n",
                        fast.evaluation.pixelAuroc() - exact.evaluation.pixelAuroc());
            }
            out.printf(Locale.ROOT, "largest_image_score_change=%.4f%%%n", 100 * largestChange(exact, fast));
            out.printf(Locale.ROOT, "recall_at_1=%s%n", Double.isNaN(recall) ? "n/a (the model has no memory bank)"
                    : String.format(Locale.ROOT, "%.5f", recall));
            out.printf(Locale.ROOT, "fast_over_exact_warm=%.2f%n", median(exact.warm) / median(fast.warm));
            out.printf(Locale.ROOT, "fast_over_exact_fresh=%.2f%n", median(exact.fresh) / median(fast.fresh));
            return 0;
        } finally {
            AtomicFiles.deleteRecursively(scratch);
        }
    }

    private double timed(Path store, Search search, Figures into) throws Exception {
        Engine.PredictJob job = new Engine.PredictJob(model, selection.selection(), location.weights,
                location.weightsDir, location.device, store, batch, search);
        long start = System.nanoTime();
        Engine.Predicted predicted = CrossDefectCommand.ENGINE.predict(job, Progress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        into.predictions = predicted.predictions();
        into.evaluation = Engine.evaluate(predicted.predictions(), List.of(), predicted.preprocessing(), 0);
        return seconds;
    }

    /** Share of the test patches whose fast nearest bank entry is the exact one (the good bank for Labeled PatchCore). */
    private double recallAtOne(Path store, List<Prediction> predictions) throws Exception {
        Device device = DjlRuntime.device(location.device);
        try (AnomalyModel loaded = CrossDefectCommand.ENGINE.methods().read(model, device)) {
            float[] bank;
            int size;
            if (loaded instanceof PatchCoreModel pc) {
                bank = pc.bank().vectors();
                size = pc.bank().size();
            } else if (loaded instanceof LabeledPatchCoreModel lpc) {
                bank = lpc.goodBank().vectors();
                size = lpc.goodBank().size();
            } else {
                return Double.NaN;
            }
            ModelInfo info = loaded.info();
            int patches = info.gridHeight() * info.gridWidth();
            EmbeddingStore embeddings = EmbeddingStore.open(store, info.backboneId(), patches, info.dim());
            int matches = 0;
            int total = 0;
            try (NearestNeighbours nn = new NearestNeighbours(bank, size, info.dim(), DjlRuntime.newManager(device))) {
                for (int from = 0; from < predictions.size(); from += 20) {
                    List<Prediction> part = predictions.subList(from, Math.min(predictions.size(), from + 20));
                    float[] queries = new float[part.size() * patches * info.dim()];
                    for (int i = 0; i < part.size(); i++) {
                        PatchEmbeddings e = embeddings.get(key(part.get(i).image()));
                        System.arraycopy(e.values(), 0, queries, i * patches * info.dim(), patches * info.dim());
                    }
                    int n = part.size() * patches;
                    NearestNeighbours.Result exact = nn.nearest(queries, n, Search.EXACT);
                    NearestNeighbours.Result fast = nn.nearest(queries, n, Search.FAST);
                    for (int q = 0; q < n; q++) {
                        matches += exact.index(q, 0) == fast.index(q, 0) ? 1 : 0;
                    }
                    total += n;
                }
            }
            return matches / (double) total;
        }
    }

    private static String key(ImageRecord image) throws java.io.IOException {
        return EmbeddingStore.key(ImageFiles.readBytes(image.image()),
                image.mask() == null ? null : ImageFiles.readBytes(image.mask()));
    }

    private static double largestChange(Figures exact, Figures fast) {
        double largest = 0;
        for (int i = 0; i < exact.predictions.size(); i++) {
            double a = exact.predictions.get(i).score().score();
            double b = fast.predictions.get(i).score().score();
            largest = Math.max(largest, Math.abs(b - a) / Math.max(1e-12, Math.abs(a)));
        }
        return largest;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
