package org.crossdefect.core.adapt;

import java.util.List;

import org.crossdefect.core.score.ImageScore;

/**
 * Where a model's scores of good images of the target lie: their mean and spread, image-level
 * and patch-level. Scores minus the mean, over the spread, are comparable across models.
 */
record Calibration(double imageMean, double imageSpread, double patchMean, double patchSpread) {

    /**
     * The smallest spread used: k good images may score almost alike (or k = 2 gives one
     * difference), and dividing by nearly zero would let one model drown the other.
     */
    private static final double RELATIVE_FLOOR = 0.05;

    /**
     * @param goodImages the good images scored (tiles of an image together: the image's score is
     *     their largest, as predictions merge them)
     * @param goodScores their scores, in the same order
     */
    static Calibration of(List<org.crossdefect.core.data.ImageRecord> goodImages, List<ImageScore> goodScores) {
        double[] images = org.crossdefect.core.score.TiledScores.imageScores(goodImages,
                goodScores.stream().mapToDouble(ImageScore::score).toArray());
        int patches = goodScores.stream().mapToInt(s -> s.patchScores().length).sum();
        double[] all = new double[patches];
        int i = 0;
        for (ImageScore s : goodScores) {
            for (float p : s.patchScores()) {
                all[i++] = p;
            }
        }
        double imageMean = mean(images);
        double patchMean = mean(all);
        return new Calibration(imageMean, spread(images, imageMean), patchMean, spread(all, patchMean));
    }

    double image(double score) {
        return (score - imageMean) / imageSpread;
    }

    float patch(float score) {
        return (float) ((score - patchMean) / patchSpread);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** @return the sample standard deviation (n - 1), 0 below two values */
    static double sampleStd(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1));
    }

    private static double spread(double[] values, double mean) {
        return Math.max(sampleStd(values, mean), Math.max(RELATIVE_FLOOR * Math.abs(mean), 1e-6));
    }
}
