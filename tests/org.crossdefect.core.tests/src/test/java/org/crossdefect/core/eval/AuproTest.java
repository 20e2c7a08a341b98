package org.crossdefect.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class AuproTest {

    @Test
    void aPerfectMapScoresOneAndRandomScoresTheAreaUnderTheDiagonal() {
        int side = 64;
        boolean[] labels = new boolean[side * side];
        float[] perfect = new float[labels.length];
        for (int y = 10; y < 20; y++) {
            for (int x = 10; x < 30; x++) {
                labels[y * side + x] = true;
                perfect[y * side + x] = 1;
            }
        }
        assertEquals(1.0, Aupro.of(new PixelGrid(perfect, labels, 1, side)), 1e-9);
        float[] inverted = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            inverted[i] = 1 - perfect[i];
        }
        assertEquals(0.0, Aupro.of(new PixelGrid(inverted, labels, 1, side)), 1e-9);
        // Scores unrelated to the defect: the overlap equals the false positive rate, whose mean over [0, 0.3] is 0.15.
        Random random = new Random(3);
        int big = 256;
        boolean[] square = new boolean[big * big];
        float[] noise = new float[square.length];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextFloat();
            square[i] = i % big < 80 && i / big < 80;
        }
        assertEquals(0.15, Aupro.of(new PixelGrid(noise, square, 1, big)), 0.01);
    }

    /** A small region weighs as much as a large one: what sets AUPRO apart from pixel AUROC. */
    @Test
    void eachRegionCountsOnceWhateverItsSize() {
        int side = 40;
        boolean[] labels = new boolean[side * side];
        float[] scores = new float[labels.length];
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                labels[y * side + x] = true; // a large region, found
                scores[y * side + x] = 1;
            }
        }
        labels[30 * side + 30] = true; // a one-pixel region, missed (scores 0 like good pixels)
        assertEquals(2, Aupro.regions(new PixelGrid(scores, labels, 1, side)).size());
        double aupro = Aupro.of(new PixelGrid(scores, labels, 1, side));
        assertEquals(0.5, aupro, 0.02, "one of two regions found: about half, though 400 of 401 defect pixels are");
        boolean[] diagonal = {
            true, false, false, true,
            false, true, false, true,
            false, false, false, false};
        assertEquals(List.of(2, 2), Regions.of(diagonal, 0, 4, 3, 1).stream().map(r -> r.length).toList(),
                "8-connected: the diagonal pixels join");
    }
}
