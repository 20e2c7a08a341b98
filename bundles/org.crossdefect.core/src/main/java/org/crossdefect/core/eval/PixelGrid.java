package org.crossdefect.core.eval;

import java.io.IOException;
import java.util.List;

import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.score.AnomalyMap;
import org.crossdefect.core.score.Prediction;

/**
 * Every pixel of the input crops whose label is known, with its anomaly-map score: each image's
 * map (upsampled, blurred) against its mask after the same resize and crop as the image (a pixel
 * is anomalous if at least half of it is covered); good images count with all-good masks; defect
 * images without a mask are left out (their defect pixels are unknown). Made once and shared by
 * the pixel metrics, so no map is computed twice.
 *
 * @param scores image after image, row-major, {@code side x side} each
 * @param labels the same layout: true where the pixel is a defect
 */
public record PixelGrid(float[] scores, boolean[] labels, int images, int side) {

    /** Maps computed in one batch: a few at a time, so only the grid holds every image's. */
    private static final int MAPS_AT_ONCE = 64;

    public static PixelGrid of(List<Prediction> predictions, Preprocessing preprocessing) throws IOException {
        List<Prediction> known = predictions.stream().filter(PixelGrid::pixelsKnown).toList();
        // At the paper's 224 whatever the image size: every size crops the same part of the image, so
        // the figures compare across sizes, equal the Anomaly Scorer's, and the grid's memory stays put.
        int side = org.crossdefect.core.backbone.Backbone.CROP;
        int pixels = side * side;
        float[] scores = new float[known.size() * pixels];
        boolean[] labels = new boolean[scores.length];
        List<float[]> maps = List.of();
        for (int i = 0; i < known.size(); i++) {
            Prediction p = known.get(i);
            if (i % MAPS_AT_ONCE == 0) {
                maps = AnomalyMap.of(known.subList(i, Math.min(known.size(), i + MAPS_AT_ONCE)).stream()
                        .map(Prediction::score).toList(), side);
            }
            System.arraycopy(maps.get(i % MAPS_AT_ONCE), 0, scores, i * pixels, pixels);
            if (p.image().label() == Label.ANOMALOUS) {
                float[] mask = preprocessing.maskFractions(ImageFiles.readMask(p.image()), side, side);
                for (int j = 0; j < pixels; j++) {
                    labels[i * pixels + j] = mask[j] >= 0.5f;
                }
            }
        }
        return new PixelGrid(scores, labels, known.size(), side);
    }

    /** @return whether every pixel's label of the image is known: good, or defect with a mask */
    public static boolean pixelsKnown(Prediction p) {
        return p.image().label() == Label.GOOD || p.image().mask() != null;
    }

    /** @return whether there is a defect pixel and a good one (pixel metrics are defined) */
    public boolean hasBothClasses() {
        boolean defect = false;
        boolean good = false;
        for (boolean l : labels) {
            defect |= l;
            good |= !l;
            if (defect && good) {
                return true;
            }
        }
        return false;
    }
}
