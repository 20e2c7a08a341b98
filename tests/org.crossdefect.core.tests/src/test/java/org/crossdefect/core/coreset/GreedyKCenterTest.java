package org.crossdefect.core.coreset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Greedy k-center on points whose choices can be followed by hand. */
class GreedyKCenterTest {

    @Test
    void choosesTheFarthestPointEachTime() {
        // Points on a line: 0, 1, 2, 10, 11. Start at 0; the farthest is 11 (index 4); then the
        // squared distances to {0, 11} are 0, 1, 4, 1, 0, so 2 (index 2) comes next, then 1 or 10
        // (both at distance 1; the first, index 1, wins).
        float[] points = {0, 1, 2, 10, 11};
        float[] distance = new float[5];
        Arrays.fill(distance, Float.POSITIVE_INFINITY);
        int[] chosen = new GreedyKCenter(points, 5, 1).select(4, distance, 0);
        assertArrayEquals(new int[] {0, 4, 2, 1}, chosen);
        assertArrayEquals(new float[] {0, 0, 0, 1, 0}, distance, "squared distances to the chosen set");
    }

    @Test
    void continuesFromAnExistingCoreset() {
        // 2-d points; the existing coreset is at the origin: distances are given, not infinite,
        // so the first choice is the farthest point, (3, 4) at squared distance 25.
        float[] points = {1, 0, 0, 2, 3, 4};
        float[] distance = {1, 4, 25};
        int[] chosen = new GreedyKCenter(points, 3, 2).select(2, distance, 0);
        assertArrayEquals(new int[] {2, 1}, chosen);
    }
}
