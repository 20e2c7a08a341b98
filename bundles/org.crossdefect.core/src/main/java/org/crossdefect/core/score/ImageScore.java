package org.crossdefect.core.score;

/**
 * What a model says about one image.
 *
 * @param score the image's anomaly score: higher means more anomalous (used for AUROC)
 * @param patchScores per patch of the grid, row-major: the anomaly map before upsampling
 * @param gridHeight patch grid height
 * @param gridWidth patch grid width
 * @param anomalous the model's own decision, if it has one (Labeled PatchCore: a patch is closer
 *     to the anomaly coreset); null when only a threshold can decide
 * @param defectType the predicted kind of defect, for models that know kinds; else null
 */
public record ImageScore(double score, float[] patchScores, int gridHeight, int gridWidth, Boolean anomalous,
        String defectType) {

    public ImageScore {
        if (patchScores.length != gridHeight * gridWidth) {
            throw new IllegalArgumentException(patchScores.length + " patch scores for a " + gridHeight + "x"
                    + gridWidth + " grid");
        }
    }
}
