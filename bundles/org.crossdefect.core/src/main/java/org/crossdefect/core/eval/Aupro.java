package org.crossdefect.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * AUPRO (Bergmann et al., MVTec AD): the area under the per-region-overlap curve up to a false
 * positive rate of 0.3, divided by 0.3, so 1 is perfect. Unlike pixel AUROC, a small defect
 * weighs as much as a large one: each connected defect region (8-connected) counts once, by the
 * fraction of its pixels above the threshold.
 *
 * <p>Written by hand because it must follow the reference definition exactly: thresholds are
 * taken at the good pixels' score quantiles for false positive rates 0, 1/N, ..., 0.3 (N = 1000
 * steps), the mean overlap over all regions at each, integrated with the trapezoid rule.
 */
public final class Aupro {

    /** The false positive rate the curve is integrated to (the MVTec AD protocol). */
    public static final double MAX_FPR = 0.3;
    private static final int STEPS = 1000;

    private Aupro() {
    }

    /** @throws IllegalArgumentException if the grid has no defect region or no good pixel */
    public static double of(PixelGrid grid) {
        List<float[]> regions = regions(grid);
        int good = 0;
        for (boolean l : grid.labels()) {
            good += l ? 0 : 1;
        }
        if (regions.isEmpty() || good == 0) {
            throw new IllegalArgumentException("AUPRO needs a defect region and a good pixel");
        }
        float[] goodScores = new float[good];
        int g = 0;
        for (int i = 0; i < grid.labels().length; i++) {
            if (!grid.labels()[i]) {
                goodScores[g++] = grid.scores()[i];
            }
        }
        Arrays.sort(goodScores);
        double area = 0;
        double previous = overlap(regions, threshold(goodScores, 0));
        for (int step = 1; step <= STEPS; step++) {
            double pro = overlap(regions, threshold(goodScores, MAX_FPR * step / STEPS));
            area += (previous + pro) / 2 * (MAX_FPR / STEPS);
            previous = pro;
        }
        return area / MAX_FPR;
    }

    /**
     * The lowest threshold at which at most {@code fpr} of the good pixels score at least it; with
     * ties, just above the tied value (a threshold never admits more false positives than allowed).
     */
    private static float threshold(float[] sortedGood, double fpr) {
        int good = sortedGood.length;
        long allowed = (long) Math.floor(fpr * good + 1e-9);
        if (allowed == 0) {
            return Math.nextUp(sortedGood[good - 1]);
        }
        float t = sortedGood[(int) (good - allowed)];
        long admitted = good - lowerBound(sortedGood, t);
        return admitted > allowed ? Math.nextUp(t) : t;
    }

    /** Mean over regions of the fraction of the region's pixels scoring at least the threshold. */
    private static double overlap(List<float[]> regions, float threshold) {
        double sum = 0;
        for (float[] sorted : regions) {
            int below = lowerBound(sorted, threshold);
            sum += (double) (sorted.length - below) / sorted.length;
        }
        return sum / regions.size();
    }

    private static int lowerBound(float[] sorted, float value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Each 8-connected defect region's pixel scores, sorted. */
    static List<float[]> regions(PixelGrid grid) {
        List<float[]> regions = new ArrayList<>();
        int side = grid.side();
        int pixels = side * side;
        for (int image = 0; image < grid.images(); image++) {
            int offset = image * pixels;
            for (int[] region : Regions.of(grid.labels(), offset, side, side, 1)) {
                float[] scores = new float[region.length];
                for (int i = 0; i < region.length; i++) {
                    scores[i] = grid.scores()[offset + region[i]];
                }
                Arrays.sort(scores);
                regions.add(scores);
            }
        }
        return regions;
    }
}
