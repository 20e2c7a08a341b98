package org.crossdefect.core.patchcore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.coreset.MemoryBank;
import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelFileException;
import org.crossdefect.core.nn.NearestNeighbours;
import org.crossdefect.core.nn.Search;

import ai.djl.ndarray.NDManager;

/**
 * Distances of patches to one memory bank, and PatchCore's reweighting (Roth et al., Eq. 7):
 * a test patch's distance {@code s*} to its nearest bank entry {@code m*} is scaled by
 * {@code 1 - softmax(|x - m|, m in N_k(m*))[m*]}, where {@code N_k(m*)} are the k nearest bank
 * entries of {@code m*} (itself first). A patch near a dense part of the bank keeps little of
 * its distance's weight; one whose nearest entry is an outlier keeps more. k = 9 as anomalib.
 */
final class BankScorer implements AutoCloseable {

    static final int REWEIGHT_NEIGHBOURS = 9;

    private final MemoryBank bank;
    private final NearestNeighbours nn;
    private final int k;
    private int[] neighbourTable;
    private Search search = Search.EXACT;

    BankScorer(MemoryBank bank, NDManager manager) {
        this.bank = bank;
        this.nn = new NearestNeighbours(bank.vectors(), bank.size(), bank.dim(), manager);
        this.k = Math.min(REWEIGHT_NEIGHBOURS, bank.size());
    }

    MemoryBank bank() {
        return bank;
    }

    void useSearch(Search search) {
        this.search = java.util.Objects.requireNonNull(search, "search");
    }

    /** @return nearest bank entry and distance of each of {@code n} patches */
    NearestNeighbours.Result nearest(float[] patches, int n) {
        return nn.nearest(patches, n, search);
    }

    /** Whether {@link #nearest} may return a farther entry than the nearest (the fast search). */
    boolean approximate() {
        return nn.approximates(search);
    }

    /** @return the exact nearest entry and distance of each of {@code n} patches (one search for all) */
    NearestNeighbours.Result exactNearest(float[] patches, int n) {
        return nn.search(patches, n, 1);
    }

    /** Images scored per call: enough patches that the fast search's cells see many queries at once. */
    int imagesPerBatch(int patchesPerImage) {
        return approximate() ? Math.max(1, NearestNeighbours.FAST_QUERY_BLOCK / patchesPerImage)
                : PatchCoreModel.SCORE_BATCH_IMAGES;
    }

    /**
     * Reads images {@code [from, to)} and copies their patches, one image after another, into the
     * start of {@code patches} (one buffer for every batch of a scoring pass) for one search.
     *
     * @return the images' embeddings, in order
     */
    static List<PatchEmbeddings> readBatch(PatchSource images, int from, int to, float[] patches) throws IOException {
        int values = images.patches() * images.dim();
        List<PatchEmbeddings> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            PatchEmbeddings e = images.image(i);
            System.arraycopy(e.values(), 0, patches, (i - from) * values, values);
            batch.add(e);
        }
        return batch;
    }

    /**
     * The k nearest bank entries of each bank entry, computed once (a bank x bank search) when a
     * method reweights every patch.
     */
    int[] neighbourTable() {
        if (neighbourTable == null) {
            NearestNeighbours.Result r = nn.search(bank.vectors(), bank.size(), k);
            neighbourTable = r.indices();
        }
        return neighbourTable;
    }

    /** Uses a table computed earlier (read from a model file). */
    void setNeighbourTable(int[] table) {
        if (table.length != bank.size() * k) {
            throw new IllegalArgumentException("neighbour table of " + table.length + " for " + bank.size() + " x " + k);
        }
        this.neighbourTable = table;
    }

    /** @return the k nearest bank entries of one bank entry, itself first */
    int[] neighboursOf(int entry, boolean useTable) {
        int[] out = new int[k];
        if (useTable) {
            System.arraycopy(neighbourTable(), entry * k, out, 0, k);
        } else {
            NearestNeighbours.Result r = nn.search(bank.vector(entry), 1, k);
            System.arraycopy(r.indices(), 0, out, 0, k);
        }
        return out;
    }

    /**
     * {@link #reweight(float[], int, int, float, boolean)} of one patch per image, with the
     * neighbours of all their nearest entries found by one bank search (a search reads the whole
     * bank, so one per image would cost a batch's worth each).
     *
     * @param patch per image, which patch
     * @param entries per image and patch, the nearest bank entry
     * @param distances per image and patch, the distance to it
     * @return per image, the reweighted distance of its patch
     */
    float[] reweight(List<PatchEmbeddings> images, int[] patch, int[][] entries, float[][] distances) {
        int n = images.size();
        float[] out = new float[n];
        if (k < 2) {
            for (int b = 0; b < n; b++) {
                out[b] = distances[b][patch[b]];
            }
            return out;
        }
        int dim = bank.dim();
        float[] nearest = new float[n * dim];
        for (int b = 0; b < n; b++) {
            System.arraycopy(bank.vectors(), entries[b][patch[b]] * dim, nearest, b * dim, dim);
        }
        NearestNeighbours.Result support = nn.search(nearest, n, k);
        for (int b = 0; b < n; b++) {
            int[] neighbours = new int[k];
            System.arraycopy(support.indices(), b * k, neighbours, 0, k);
            out[b] = reweight(images.get(b).values(), patch[b], neighbours, distances[b][patch[b]]);
        }
        return out;
    }

    /**
     * @param patches the image's patches, row-major
     * @param p which patch
     * @param nearest its nearest bank entry
     * @param distance its distance to that entry (s*)
     */
    float reweight(float[] patches, int p, int nearest, float distance, boolean useTable) {
        if (k < 2) {
            return distance;
        }
        return reweight(patches, p, neighboursOf(nearest, useTable), distance);
    }

    /** Eq. 7 with the k nearest bank entries of the patch's nearest entry ({@code support}, itself first). */
    private float reweight(float[] patches, int p, int[] support, float distance) {
        int dim = bank.dim();
        double[] d = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            int offset = support[j] * dim;
            double s = 0;
            for (int c = 0; c < dim; c++) {
                double diff = patches[p * dim + c] - bank.vectors()[offset + c];
                s += diff * diff;
            }
            d[j] = Math.sqrt(s);
            max = Math.max(max, d[j]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(d[j] - max);
        }
        double first = Math.exp(d[0] - max) / sum;
        return (float) ((1 - first) * distance);
    }

    /**
     * The fast search's index layout as model-file entries {@code <bank>.index-centroids.f32}
     * and {@code <bank>.index-cells.i32} (none for a bank searched exactly), so a loaded model
     * does not run k-means again.
     */
    Map<String, byte[]> indexEntries(String bankEntry) {
        NearestNeighbours.IndexLayout layout = nn.indexLayout();
        if (layout == null) {
            return Map.of();
        }
        return Map.of(centroidsEntry(bankEntry), ModelFile.floats(layout.centroids()),
                cellsEntry(bankEntry), ModelFile.ints(layout.cellOf()));
    }

    /**
     * Uses the index layout kept in a model file, when there is one (files written before it was
     * kept have none: their index is computed at the first fast search).
     *
     * @throws ModelFileException if the entries do not fit the bank
     */
    void readIndex(ModelFile.Contents c, String bankEntry) {
        byte[] centroids = c.entries().get(centroidsEntry(bankEntry));
        byte[] cells = c.entries().get(cellsEntry(bankEntry));
        if (centroids == null && cells == null) {
            return;
        }
        if (centroids == null || cells == null) {
            throw new ModelFileException("model file " + c.source() + " has only one of the entries "
                    + centroidsEntry(bankEntry) + " and " + cellsEntry(bankEntry)
                    + "; train the model again or copy an intact file");
        }
        try {
            nn.useIndexLayout(new NearestNeighbours.IndexLayout(ModelFile.floats(centroids), ModelFile.ints(cells)));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("model file " + c.source() + ": entries " + centroidsEntry(bankEntry) + " and "
                    + cellsEntry(bankEntry) + " do not fit its bank (" + e.getMessage()
                    + "); train the model again or copy an intact file");
        }
    }

    private static String centroidsEntry(String bankEntry) {
        return bankEntry + ".index-centroids.f32";
    }

    private static String cellsEntry(String bankEntry) {
        return bankEntry + ".index-cells.i32";
    }

    @Override
    public void close() {
        nn.close();
    }
}
