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
            for (int b = 0; b < batch.size(); b++) {
                float[] patchScores = new float[p];
                int[] entries = new int[p];
                int argMax = 0;
                for (int q = 0; q < p; q++) {
                    patchScores[q] = nearest.distance(b * p + q, 0);
                    entries[q] = nearest.index(b * p + q, 0);
                    if (patchScores[q] > patchScores[argMax]) {
                        argMax = q;
                    }
                }
                if (scorer.approximate()) {
                    argMax = exactLargest(batch.get(b).values(), patchScores, entries);
                }
                float score = scorer.reweight(batch.get(b).values(), argMax, entries[argMax], patchScores[argMax],
                        false);
                scores.add(new ImageScore(score, patchScores, info.gridHeight(), info.gridWidth(), null, null));
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
     * Makes the image's largest patch distance (and its entry) exact after an approximate search.
     * An approximate distance is the distance to <em>some</em> bank entry, so never below the
     * exact one: patches are searched exactly from the largest approximate distance down until
     * the next approximate distance is no larger than the largest exact one found, since no
     * patch below can then exceed it. The image score is so the exact search's; usually one to a
     * few single-patch searches. Patches searched exactly keep their exact distance in the map.
     *
     * @return the patch of the largest exact distance
     */
    private int exactLargest(float[] values, float[] patchScores, int[] entries) {
        Integer[] order = new Integer[patchScores.length];
        for (int q = 0; q < order.length; q++) {
            order[q] = q;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(patchScores[b], patchScores[a]));
        int best = order[0];
        float bestExact = Float.NEGATIVE_INFINITY;
        for (int q : order) {
            if (patchScores[q] <= bestExact) {
                break;
            }
            NearestNeighbours.Result exact = scorer.exactNearest(values, q);
            patchScores[q] = exact.distance(0, 0);
            entries[q] = exact.index(0, 0);
            if (patchScores[q] > bestExact) {
                bestExact = patchScores[q];
                best = q;
            }
        }
        return best;
    }

    /** What model.json holds. */
    private record Stored(ModelInfo info, CoresetSettings coreset, int size) {
    }

    @Override
    public void write(OutputStream out) throws IOException {
        ModelFile.write(out, info.method(), new Stored(info, settings, bank().size()),
                Map.of("bank.f32", ModelFile.floats(bank().vectors())));
    }

    static PatchCoreModel read(ModelFile.Contents c, NDManager manager) {
        Stored stored = c.json(Stored.class);
        MemoryBank bank = bank(c, "bank.f32", stored.size(), stored.info().dim());
        return new PatchCoreModel(stored.info(), stored.coreset(), bank, manager);
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
