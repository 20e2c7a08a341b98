package org.crossdefect.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.crossdefect.core.runtime.DjlRuntime;
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

    static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
