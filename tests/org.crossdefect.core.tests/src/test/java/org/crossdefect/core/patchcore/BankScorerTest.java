package org.crossdefect.core.patchcore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crossdefect.core.runtime.DjlRuntime;
import java.util.List;

import org.crossdefect.core.coreset.MemoryBank;
import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelFileException;
import org.crossdefect.core.nn.Search;
import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

/** PatchCore's Eq. 7 reweighting against a case computed by hand. */
class BankScorerTest {

    @Test
    void reweightsByOneMinusTheSoftmaxOfDistancesToTheNeighbourhood() throws Exception {
        // A 1-d bank 0, 1, 3 (k = 3: every entry is in every neighbourhood). Test patch x = 0.5;
        // its nearest entry is 0 (s* = 0.5); N_3(0) = {0, 1, 3} in order of distance from 0;
        // distances from x: 0.5, 0.5, 2.5. Weight = 1 - e^0.5 / (e^0.5 + e^0.5 + e^2.5).
        float[] bank = {0, 1, 3};
        try (NDManager manager = DjlRuntime.newManager(Device.cpu());
                BankScorer scorer = new BankScorer(new MemoryBank(3, 1, bank, new int[3], new int[3]),
                        manager.newSubManager())) {
            assertArrayEquals(new int[] {0, 1, 2}, scorer.neighboursOf(0, true));
            double weight = 1 - Math.exp(0.5) / (2 * Math.exp(0.5) + Math.exp(2.5));
            assertEquals(weight * 0.5, scorer.reweight(new float[] {0.5f}, 0, 0, 0.5f, true), 1e-6);
            assertEquals(weight * 0.5, scorer.reweight(new float[] {0.5f}, 0, 0, 0.5f, false), 1e-6,
                    "the table and a fresh search agree");
            // A patch on a bank entry far from the others keeps more of its distance: x = 3.2,
            // nearest 3 (s* = 0.2), N_3(3) = {3, 1, 0}, distances 0.2, 2.2, 3.2.
            double far = 1 - Math.exp(0.2) / (Math.exp(0.2) + Math.exp(2.2) + Math.exp(3.2));
            assertEquals(far * 0.2, scorer.reweight(new float[] {3.2f}, 0, 2, 0.2f, true), 1e-6);
            // Both at once, as PatchCore scores a batch (one neighbour search for all images):
            // image 0's second patch (x = 0.5), image 1's first (x = 3.2).
            float[] batched = scorer.reweight(
                    List.of(new PatchEmbeddings("a", 2, 1, new float[] {9f, 0.5f}, null),
                            new PatchEmbeddings("b", 2, 1, new float[] {3.2f, 9f}, null)),
                    new int[] {1, 0}, new int[][] {{2, 0}, {2, 2}}, new float[][] {{6f, 0.5f}, {0.2f, 6f}});
            assertArrayEquals(new float[] {(float) (weight * 0.5), (float) (far * 0.2)}, batched, 1e-6f);
        }
    }

    /**
     * A model file keeps the fast search's index next to its bank, so a loaded model answers as
     * the saved one without k-means; an entry without its partner is a clear error.
     */
    @Test
    void theIndexKeptInAModelFileAnswersAsTheSavedOne() throws Exception {
        java.util.Random random = new java.util.Random(3);
        int size = org.crossdefect.core.nn.NearestNeighbours.SMALLEST_INDEXED_BANK;
        int dim = 8;
        float[] bank = new float[size * dim];
        for (int i = 0; i < bank.length; i++) {
            bank[i] = (float) random.nextGaussian() + (i / dim % 20);
        }
        float[] queries = java.util.Arrays.copyOf(bank, 500 * dim);
        for (int i = 0; i < queries.length; i++) {
            queries[i] += 0.3f * (float) random.nextGaussian();
        }
        try (NDManager manager = DjlRuntime.newManager(Device.cpu());
                BankScorer saved = scorer(bank, size, dim, manager);
                BankScorer loaded = scorer(bank, size, dim, manager)) {
            saved.useSearch(Search.FAST);
            loaded.useSearch(Search.FAST);
            java.util.Map<String, byte[]> entries = saved.indexEntries("bank.f32");
            assertEquals(java.util.Set.of("bank.f32.index-centroids.f32", "bank.f32.index-cells.i32"), entries.keySet());
            loaded.readIndex(new ModelFile.Contents("m.model", "patchcore", "{}", entries), "bank.f32");
            assertArrayEquals(saved.nearest(queries, 500).indices(), loaded.nearest(queries, 500).indices());
            assertArrayEquals(saved.nearest(queries, 500).distances(), loaded.nearest(queries, 500).distances());

            java.util.Map<String, byte[]> half = java.util.Map.of("bank.f32.index-cells.i32",
                    entries.get("bank.f32.index-cells.i32"));
            ModelFileException e = assertThrows(ModelFileException.class,
                    () -> loaded.readIndex(new ModelFile.Contents("m.model", "patchcore", "{}", half), "bank.f32"));
            assertTrue(e.getMessage().contains("m.model") && e.getMessage().contains("bank.f32.index-centroids.f32"),
                    e.getMessage());
        }
    }

    private static BankScorer scorer(float[] bank, int size, int dim, NDManager manager) {
        return new BankScorer(new MemoryBank(size, dim, bank, new int[size], new int[size]), manager.newSubManager());
    }
}
