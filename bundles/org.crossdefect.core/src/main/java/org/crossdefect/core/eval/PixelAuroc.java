package org.crossdefect.core.eval;

import java.io.IOException;
import java.util.List;

import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.score.AnomalyMap;
import org.crossdefect.core.score.Prediction;

/**
 * Pixel-level AUROC over the input crops: each image's anomaly map (upsampled, blurred) against
 * its mask after the same resize and crop as the image (a pixel is anomalous if at least half of
 * it is covered); good images count with all-good masks.
 */
public final class PixelAuroc {

    private PixelAuroc() {
    }

    public static double of(List<Prediction> predictions, Preprocessing preprocessing) throws IOException {
        int size = preprocessing.crop();
        int pixels = size * size;
        float[] scores = new float[predictions.size() * pixels];
        boolean[] labels = new boolean[scores.length];
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            float[] map = AnomalyMap.of(p.score(), size);
            System.arraycopy(map, 0, scores, i * pixels, pixels);
            if (p.image().label() == Label.ANOMALOUS && p.image().mask() != null) {
                float[] mask = preprocessing.maskFractions(ImageFiles.read(p.image().mask()), size, size);
                for (int j = 0; j < pixels; j++) {
                    labels[i * pixels + j] = mask[j] >= 0.5f;
                }
            }
        }
        return Auroc.of(scores, labels);
    }
}
