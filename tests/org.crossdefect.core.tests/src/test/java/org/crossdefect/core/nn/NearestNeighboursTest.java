package org.crossdefect.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.crossdefect.core.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.djl.Device;

class NearestNeighboursTest {

    /** Chunked matrix-product search returns exactly the brute-force neighbours. */
    @ParameterizedTest
    @CsvSource({"1, 2048, 16384", "5, 2048, 16384", "1, 64, 100", "9, 50, 333"})
    void equalsBruteForce(int k, int queryChunk, int bankChunk) throws Exception {
        Random random = new Random(k * 31L + queryChunk);
        int m = 1500;
        int n = 300;
        int d = 48;
        float[] bank = gaussian(random, m * d);
        float[] queries = gaussian(random, n * d);
        try (NearestNeighbours nn = new NearestNeighbours(bank, m, d, DjlRuntime.newManager(Device.cpu()), queryChunk,
                bankChunk)) {
            NearestNeighbours.Result r = nn.search(queries, n, k);
            for (int q = 0; q < n; q++) {
                double[] dist = new double[m];
                Integer[] order = new Integer[m];
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int c = 0; c < d; c++) {
                        double diff = (double) queries[q * d + c] - bank[j * d + c];
                        s += diff * diff;
                    }
                    dist[j] = Math.sqrt(s);
                    order[j] = j;
                }
                java.util.Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
                for (int rank = 0; rank < k; rank++) {
                    assertEquals(order[rank], r.index(q, rank), "query " + q + " rank " + rank);
                    assertEquals(dist[order[rank]], r.distance(q, rank), 1e-3 * dist[order[rank]] + 1e-4);
                }
            }
        }
    }

    /**
     * The inverted-file search on a bank of clustered vectors (as patch embeddings are) finds the
     * exact nearest entry for nearly every query, and where it misses, its distance is larger,
     * never smaller: a missed neighbour can only raise a patch's score.
     */
    @Test
    void fastSearchFindsNearlyEveryExactNeighbourAndNeverAnyNearer() throws Exception {
        Random random = new Random(11);
        int d = 32;
        int m = 6000;
        int n = 3000;
        float[] centres = gaussian(random, 60 * d);
        float[] bank = clustered(random, centres, m, d);
        float[] queries = clustered(random, centres, n, d);
        try (NearestNeighbours nn = new NearestNeighbours(bank, m, d, DjlRuntime.newManager(Device.cpu()))) {
            NearestNeighbours.Result exact = nn.nearest(queries, n, Search.EXACT);
            NearestNeighbours.Result fast = nn.nearest(queries, n, Search.FAST);
            int same = 0;
            for (int q = 0; q < n; q++) {
                same += exact.index(q, 0) == fast.index(q, 0) ? 1 : 0;
                assertTrue(fast.distance(q, 0) >= exact.distance(q, 0) - 1e-3f * (1 + exact.distance(q, 0)),
                        "query " + q + ": fast " + fast.distance(q, 0) + " < exact " + exact.distance(q, 0));
            }
            double recall = same / (double) n;
            assertTrue(recall >= 0.95, "recall@1 " + recall);
        }
    }

    /**
     * An index built from a kept layout (as a model file keeps it) is the same index: every
     * answer equal, without running k-means again; a layout for another bank is refused.
     */
    @Test
    void anIndexFromAKeptLayoutAnswersAsTheOneItWasKeptFrom() throws Exception {
        Random random = new Random(13);
        int d = 16;
        int m = 5000;
        int n = 800;
        float[] centres = gaussian(random, 40 * d);
        float[] bank = clustered(random, centres, m, d);
        float[] queries = clustered(random, centres, n, d);
        try (NearestNeighbours built = new NearestNeighbours(bank, m, d, DjlRuntime.newManager(Device.cpu()));
                NearestNeighbours kept = new NearestNeighbours(bank, m, d, DjlRuntime.newManager(Device.cpu()));
                NearestNeighbours other = new NearestNeighbours(java.util.Arrays.copyOf(bank, (m - 1) * d), m - 1, d,
                        DjlRuntime.newManager(Device.cpu()))) {
            NearestNeighbours.Result fromBuilt = built.nearest(queries, n, Search.FAST);
            NearestNeighbours.IndexLayout layout = built.indexLayout();
            assertEquals(m, layout.cellOf().length);
            kept.useIndexLayout(layout);
            NearestNeighbours.Result fromKept = kept.nearest(queries, n, Search.FAST);
            assertArrayEquals(fromBuilt.indices(), fromKept.indices());
            assertArrayEquals(fromBuilt.distances(), fromKept.distances());
            assertArrayEquals(layout.cellOf(), kept.indexLayout().cellOf());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.useIndexLayout(layout));
            assertTrue(e.getMessage().contains("does not fit a bank of " + (m - 1)), e.getMessage());
        }
    }

    /** A bank too small for an index is searched exactly whatever is asked. */
    @Test
    void smallBanksAreSearchedExactly() throws Exception {
        Random random = new Random(5);
        int d = 16;
        int m = NearestNeighbours.SMALLEST_INDEXED_BANK - 1;
        float[] bank = gaussian(random, m * d);
        float[] queries = gaussian(random, 200 * d);
        try (NearestNeighbours nn = new NearestNeighbours(bank, m, d, DjlRuntime.newManager(Device.cpu()))) {
            NearestNeighbours.Result exact = nn.nearest(queries, 200, Search.EXACT);
            NearestNeighbours.Result fast = nn.nearest(queries, 200, Search.FAST);
            assertArrayEquals(exact.indices(), fast.indices());
            assertNull(nn.indexLayout(), "no index, so nothing to keep");
        }
    }

    private static float[] clustered(Random random, float[] centres, int count, int d) {
        int k = centres.length / d;
        float[] v = new float[count * d];
        for (int i = 0; i < count; i++) {
            int c = random.nextInt(k);
            for (int j = 0; j < d; j++) {
                v[i * d + j] = 4 * centres[c * d + j] + (float) random.nextGaussian();
            }
        }
        return v;
    }

    static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
