package org.crossdefect.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.crossdefect.core.image.Normalization;
import org.crossdefect.core.image.Preprocessing;
import org.junit.jupiter.api.Test;

/** Regions of a thresholded map, scaled back through the crop and the resize to image pixels. */
class DefectRegionsTest {

    private static final Preprocessing PAPER = new Preprocessing(256, 224, Normalization.IMAGENET);

    @Test
    void regionsAreBoxedInImagePixelsLargestPeakFirstSmallOnesLeftOut() {
        float[] map = new float[224 * 224];
        // A 10 x 10 block at crop x 10..19, y 20..29 (peak 5) and a single pixel at (200, 100) (peak 9).
        for (int y = 20; y < 30; y++) {
            for (int x = 10; x < 20; x++) {
                map[y * 224 + x] = x == 15 ? 5 : 3;
            }
        }
        map[100 * 224 + 200] = 9;
        // A 512 x 256 image: x scales by 2, y by 1; the crop starts at 16 resized pixels.
        List<DefectRegions.Region> all = DefectRegions.of(map, PAPER, 2.5, 0, 512, 256);
        assertEquals(2, all.size());
        assertEquals(new DefectRegions.Region((200 + 16) * 2, 100 + 16, 2, 1, 2, 9), all.get(0), "largest peak first");
        assertEquals(new DefectRegions.Region((10 + 16) * 2, 20 + 16, 20, 10, 200, 5), all.get(1));

        List<DefectRegions.Region> large = DefectRegions.of(map, PAPER, 2.5, 3, 512, 256);
        assertEquals(1, large.size(), "the 2-pixel region is under --min-area 3");
        assertEquals(200, large.get(0).area());
        assertEquals(0, DefectRegions.of(map, PAPER, 9.5, 0, 512, 256).size(), "nothing reaches the threshold");
    }
}
