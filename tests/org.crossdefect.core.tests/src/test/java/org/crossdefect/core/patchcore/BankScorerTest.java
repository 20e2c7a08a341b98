package org.crossdefect.core.patchcore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.coreset.MemoryBank;
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
        }
    }
}
