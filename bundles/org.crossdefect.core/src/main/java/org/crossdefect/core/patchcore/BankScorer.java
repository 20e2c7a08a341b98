package org.crossdefect.core.patchcore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.coreset.MemoryBank;
import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
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

    /** @return the exact nearest entry and distance of one patch */
    NearestNeighbours.Result exactNearest(float[] patches, int p) {
        int dim = bank.dim();
        float[] one = new float[dim];
        System.arraycopy(patches, p * dim, one, 0, dim);
        return nn.search(one, 1, 1);
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
     * @param patches the image's patches, row-major
     * @param p which patch
     * @param nearest its nearest bank entry
     * @param distance its distance to that entry (s*)
     */
    float reweight(float[] patches, int p, int nearest, float distance, boolean useTable) {
        if (k < 2) {
            return distance;
        }
        int[] support = neighboursOf(nearest, useTable);
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

    @Override
    public void close() {
        nn.close();
    }
}
