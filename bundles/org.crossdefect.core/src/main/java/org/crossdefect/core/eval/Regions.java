package org.crossdefect.core.eval;

import java.util.ArrayList;
import java.util.List;

/** Connected regions (8-connected) of a binary image: ground-truth defects, thresholded maps. */
public final class Regions {

    private Regions() {
    }

    /**
     * @param mask row-major pixels of one or more images; this image starts at {@code offset}
     * @param minArea regions smaller than this many pixels are left out
     * @return each region as the indices (within the image) of its pixels
     */
    public static List<int[]> of(boolean[] mask, int offset, int width, int height, int minArea) {
        int pixels = width * height;
        boolean[] seen = new boolean[pixels];
        int[] queue = new int[pixels];
        List<int[]> regions = new ArrayList<>();
        for (int start = 0; start < pixels; start++) {
            if (!mask[offset + start] || seen[start]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int p = queue[head++];
                int x = p % width;
                int y = p / width;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                            continue;
                        }
                        int q = ny * width + nx;
                        if (mask[offset + q] && !seen[q]) {
                            seen[q] = true;
                            queue[tail++] = q;
                        }
                    }
                }
            }
            if (tail >= minArea) {
                regions.add(java.util.Arrays.copyOf(queue, tail));
            }
        }
        return regions;
    }
}
