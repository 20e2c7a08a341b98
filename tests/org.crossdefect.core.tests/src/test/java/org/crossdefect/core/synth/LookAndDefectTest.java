package org.crossdefect.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Checks the drawing itself: categories look different, defects are where their masks say. */
class LookAndDefectTest {

    private static final int SIZE = 64;
    /** A change of at least this (0..255, largest channel) is plainly visible. */
    private static final double CLEAR_CHANGE = 20;
    /** No masked pixel may change less than this. */
    private static final double LEAST_CHANGE = 10;

    @Test
    void standardCategoriesHaveClearlyDifferentStatistics() {
        List<CategorySpec> categories = SynthSpec.standard().categories();
        double[][] features = new double[categories.size()][];
        for (int c = 0; c < categories.size(); c++) {
            features[c] = meanFeatures(categories.get(c).style(), categories.get(c).name());
        }
        for (int a = 0; a < categories.size(); a++) {
            for (int b = a + 1; b < categories.size(); b++) {
                double distance = Images.distance(features[a], features[b]);
                assertTrue(distance > 30, categories.get(a).name() + " and " + categories.get(b).name()
                        + " look too alike: feature distance " + distance);
            }
        }
    }

    @Test
    void metalNutIsGreyWhereHazelnutIsBrown() {
        double[] hazelnut = meanFeatures(SurfaceStyle.ROUND_OBJECT, "hazelnut");
        double[] metal = meanFeatures(SurfaceStyle.ROUND_OBJECT, "metal_nut");
        double hazelnutWarmth = hazelnut[0] - hazelnut[2];
        double metalWarmth = metal[0] - metal[2];
        assertTrue(hazelnutWarmth > metalWarmth + 15, "red minus blue: hazelnut " + hazelnutWarmth + ", metal " + metalWarmth);
    }

    @Test
    void defectsStayOnTheObjectAndChangeExactlyTheirMask() {
        for (SurfaceStyle style : SurfaceStyle.values()) {
            for (String category : List.of("x", "metal_nut")) {
                if (!category.equals("x") && style != SurfaceStyle.ROUND_OBJECT) {
                    continue;
                }
                for (DefectKind kind : DefectKind.values()) {
                    for (long seed = 0; seed < 12; seed++) {
                        checkOneDefect(style, category, kind, seed);
                    }
                }
            }
        }
    }

    private static void checkOneDefect(SurfaceStyle style, String category, DefectKind kind, long seed) {
        String what = style + " " + category + " " + kind + " seed " + seed;
        SplittableRandom rng = new SplittableRandom(seed);
        Canvas canvas = SurfaceRenderer.render(style, category, SIZE, rng);
        float[][] before = {canvas.red.clone(), canvas.green.clone(), canvas.blue.clone()};
        boolean[] mask = DefectPainter.paint(kind, canvas, rng);
        int inside = 0;
        int clear = 0;
        for (int i = 0; i < mask.length; i++) {
            double change = Math.max(Math.abs(before[0][i] - canvas.red[i]),
                    Math.max(Math.abs(before[1][i] - canvas.green[i]), Math.abs(before[2][i] - canvas.blue[i])));
            if (mask[i]) {
                assertTrue(canvas.object[i], what + ": defect off the object");
                assertTrue(change >= LEAST_CHANGE, what + ": masked pixel changed by only " + change);
                inside++;
                clear += change >= CLEAR_CHANGE ? 1 : 0;
            } else if (kind != DefectKind.COLOR) {
                // A stain's faint outer fringe (alpha < 0.5) is outside its mask by definition.
                assertEquals(0, change, what + ": pixel outside the mask changed");
            }
        }
        assertTrue(inside > 0, what + ": empty mask");
        assertTrue(clear >= 0.9 * inside, what + ": only " + clear + " of " + inside + " masked pixels clearly changed");
    }

    private static double[] meanFeatures(SurfaceStyle style, String category) {
        double[] sum = new double[4];
        for (long seed = 0; seed < 4; seed++) {
            BufferedImage image = SurfaceRenderer.render(style, category, SIZE, new SplittableRandom(seed)).toImage();
            double[] f = Images.features(image);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += f[i] / 4;
            }
        }
        return sum;
    }
}
