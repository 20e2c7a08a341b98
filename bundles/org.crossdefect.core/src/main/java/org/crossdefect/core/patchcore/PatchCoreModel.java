package org.crossdefect.core.patchcore;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.coreset.CoresetBuilder;
import org.crossdefect.core.coreset.CoresetSettings;
import org.crossdefect.core.coreset.MemoryBank;
import org.crossdefect.core.coreset.PatchFilter;
import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.error.UnsuitableDataException;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelFileException;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.nn.NearestNeighbours;
import org.crossdefect.core.progress.Progress;

import ai.djl.ndarray.NDManager;
import org.crossdefect.core.score.ImageScore;

/**
 * PatchCore (Roth et al.): a coreset of good patches; a test patch's score is its distance to
 * the nearest coreset entry, the image's score is the largest patch score reweighted by Eq. 7.
 */
public final class PatchCoreModel implements AnomalyModel {

    static final int SCORE_BATCH_IMAGES = 8;

    private final ModelInfo info;
    private final CoresetSettings settings;
    private final BankScorer scorer;

    PatchCoreModel(ModelInfo info, CoresetSettings settings, MemoryBank bank, NDManager manager) {
        this.info = info;
        this.settings = settings;
        this.scorer = new BankScorer(bank, manager);
    }

    /**
     * Fits on good images: every patch of every image is a coreset candidate.
     *
     * @param manager owns the model's native memory (its device); closed with the model
     */
    public static PatchCoreModel fit(ModelInfo info, PatchSource goodImages, CoresetSettings settings,
            NDManager manager, Progress progress) throws IOException {
        MemoryBank bank = new CoresetBuilder(settings).build(goodImages, PatchFilter.ALL, manager, progress);
        if (bank.size() == 0) {
            throw new UnsuitableDataException("no good training image: PatchCore needs good images to learn from");
        }
        return new PatchCoreModel(info, settings, bank, manager);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    public MemoryBank bank() {
        return scorer.bank();
    }

    public CoresetSettings settings() {
        return settings;
    }

    @Override
    public List<ImageScore> score(PatchSource images, Progress progress) throws IOException {
        List<ImageScore> scores = new ArrayList<>(images.images());
        int p = images.patches();
        int dim = images.dim();
        int perBatch = scorer.imagesPerBatch(p);
        // One buffer for every batch (the last uses its start): the search reads n x dim values.
        float[] patches = new float[Math.min(perBatch, images.images()) * p * dim];
        for (int from = 0; from < images.images(); from += perBatch) {
            progress.checkCancelled();
            int to = Math.min(images.images(), from + perBatch);
            List<PatchEmbeddings> batch = BankScorer.readBatch(images, from, to, patches);
            NearestNeighbours.Result nearest = scorer.nearest(patches, (to - from) * p);
            int n = batch.size();
            float[][] patchScores = new float[n][p];
            int[][] entries = new int[n][p];
            int[] argMax = new int[n];
            for (int b = 0; b < n; b++) {
                for (int q = 0; q < p; q++) {
                    patchScores[b][q] = nearest.distance(b * p + q, 0);
                    entries[b][q] = nearest.index(b * p + q, 0);
                    if (patchScores[b][q] > patchScores[b][argMax[b]]) {
                        argMax[b] = q;
                    }
                }
            }
            if (scorer.approximate()) {
                exactLargest(batch, patchScores, entries, argMax);
            }
            float[] imageScores = scorer.reweight(batch, argMax, entries, patchScores);
            for (int b = 0; b < n; b++) {
                scores.add(new ImageScore(imageScores[b], patchScores[b], info.gridHeight(), info.gridWidth(), null,
                        null));
            }
            progress.update(to, images.images(), "scoring images");
        }
        return scores;
    }

    @Override
    public void useSearch(org.crossdefect.core.nn.Search search) {
        scorer.useSearch(search);
    }

    /**
     * Makes each image's largest patch distance (and its entry) exact after an approximate
     * search. An approximate distance is the distance to <em>some</em> bank entry, so never below
     * the exact one: an image's patches are searched exactly from the largest approximate distance
     * down until the next approximate distance is no larger than the largest exact one found,
     * since no patch below can then exceed it. The image score is so the exact search's; usually
     * one search per image. The images of a batch are searched together, one patch each per
     * round: a search reads the whole bank, so a round costs about what one patch's search does.
     * Patches searched exactly keep their exact distance in the map.
     *
     * @param argMax out: per image, the patch of the largest exact distance
     */
    private void exactLargest(List<PatchEmbeddings> batch, float[][] patchScores, int[][] entries, int[] argMax) {
        int n = batch.size();
        int[][] orders = new int[n][];
        int[] searched = new int[n];
        float[] bestExact = new float[n];
        java.util.Arrays.fill(bestExact, Float.NEGATIVE_INFINITY);
        for (int b = 0; b < n; b++) {
            orders[b] = largestFirst(patchScores[b]);
            argMax[b] = orders[b][0];
        }
        int dim = bank().dim();
        List<Integer> pending = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            pending.add(b);
        }
        while (!pending.isEmpty()) {
            float[] queries = new float[pending.size() * dim];
            for (int j = 0; j < pending.size(); j++) {
                int b = pending.get(j);
                System.arraycopy(batch.get(b).values(), orders[b][searched[b]] * dim, queries, j * dim, dim);
            }
            NearestNeighbours.Result exact = scorer.exactNearest(queries, pending.size());
            List<Integer> next = new ArrayList<>();
            for (int j = 0; j < pending.size(); j++) {
                int b = pending.get(j);
                int q = orders[b][searched[b]++];
                patchScores[b][q] = exact.distance(j, 0);
                entries[b][q] = exact.index(j, 0);
                if (patchScores[b][q] > bestExact[b]) {
                    bestExact[b] = patchScores[b][q];
                    argMax[b] = q;
                }
                if (searched[b] < orders[b].length && patchScores[b][orders[b][searched[b]]] > bestExact[b]) {
                    next.add(b);
                }
            }
            pending = next;
        }
    }

    /** @return patch indices by descending score (ties by index) */
    private static int[] largestFirst(float[] patchScores) {
        return java.util.stream.IntStream.range(0, patchScores.length).boxed()
                .sorted((a, b) -> Float.compare(patchScores[b], patchScores[a])).mapToInt(Integer::intValue).toArray();
    }

    private static final String BANK_ENTRY = "bank.f32";

    /** What model.json holds. */
    private record Stored(ModelInfo info, CoresetSettings coreset, int size) {
    }

    @Override
    public void write(OutputStream out) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put(BANK_ENTRY, ModelFile.floats(bank().vectors()));
        entries.putAll(scorer.indexEntries(BANK_ENTRY));
        ModelFile.write(out, info.method(), new Stored(info, settings, bank().size()), entries);
    }

    static PatchCoreModel read(ModelFile.Contents c, NDManager manager) {
        Stored stored = c.json(Stored.class);
        MemoryBank bank = bank(c, BANK_ENTRY, stored.size(), stored.info().dim());
        PatchCoreModel model = new PatchCoreModel(stored.info(), stored.coreset(), bank, manager);
        try {
            model.scorer.readIndex(c, BANK_ENTRY);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /** @throws ModelFileException if the entry does not hold size x dim floats */
    static MemoryBank bank(ModelFile.Contents c, String entry, int size, int dim) {
        float[] vectors = ModelFile.floats(c.entry(entry));
        if (size < 1 || vectors.length != (long) size * dim) {
            throw new ModelFileException("model file " + c.source() + ": entry " + entry + " holds " + vectors.length
                    + " floats, not " + size + " x " + dim + "; train the model again or copy an intact file");
        }
        return new MemoryBank(size, dim, vectors, new int[size], new int[size]);
    }

    @Override
    public void close() {
        scorer.close();
    }
}
