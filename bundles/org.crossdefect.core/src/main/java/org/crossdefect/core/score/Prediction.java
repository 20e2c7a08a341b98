package org.crossdefect.core.score;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.score.ImageScore;

/** A model's score for one image, with the image's ground truth. */
public record Prediction(ImageRecord image, ImageScore score) {
}
