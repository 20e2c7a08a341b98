package org.crossdefect.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.data.SourceSplit;
import org.crossdefect.core.image.Normalization;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.score.ImageScore;
import org.crossdefect.core.score.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect test images without masks (an inspector knows the image is bad, nobody drew the
 * defect): image metrics count them, pixel metrics leave them out and say so. Counting their
 * pixels as good, as before, made a perfect map look wrong.
 */
class MasklessDefectsTest {

    @TempDir
    Path dir;

    @Test
    void imageMetricsCountThemPixelMetricsLeaveThemOutAndSaySo() throws Exception {
        Preprocessing crop = new Preprocessing(8, 8, Normalization.IMAGENET);
        Path mask = dir.resolve("000_mask.png");
        BufferedImage m = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                m.getRaster().setSample(x, y, 0, 255); // the top half is the defect
            }
        }
        ImageIO.write(m, "png", mask.toFile());
        List<Prediction> test = new ArrayList<>();
        test.add(prediction("good.png", null, Label.GOOD, 0.1, false));
        test.add(prediction("masked.png", mask, Label.ANOMALOUS, 0.9, true));
        // Its map is high where a defect probably is, but nobody knows where: it must not count.
        test.add(prediction("maskless.png", null, Label.ANOMALOUS, 0.8, true));

        Evaluation evaluation = Evaluation.of(test, List.of(), crop, 0);
        assertEquals(1.0, evaluation.imageAuroc(), 1e-9, "both defect images count in the image metrics");
        assertEquals(1.0, evaluation.pixelAuroc(), 1e-9, "the maskless image's pixels are not called good");
        assertEquals(1, evaluation.defectsWithoutMask());
        assertTrue(evaluation.pixelNote().contains("1 defect test image has no mask"), evaluation.pixelNote());

        Evaluation allMasked = Evaluation.of(test.subList(0, 2), List.of(), crop, 0);
        assertNull(allMasked.pixelNote());
    }

    /** A 2x2 patch grid whose top row is {@code high} when {@code topHigh}, else flat. */
    private Prediction prediction(String name, Path mask, Label label, double score, boolean topHigh) {
        float low = 0.1f;
        float high = topHigh ? 0.9f : low;
        ImageScore s = new ImageScore(score, new float[] {high, high, low, low}, 2, 2, null, null);
        ImageRecord r = new ImageRecord(dir.resolve(name), mask, "wood", label == Label.GOOD ? "good" : "hole",
                label == Label.GOOD ? "good" : "hole", label, SourceSplit.TEST);
        return new Prediction(r, s);
    }
}
