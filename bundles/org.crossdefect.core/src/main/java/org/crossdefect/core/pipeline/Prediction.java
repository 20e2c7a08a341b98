package org.crossdefect.core.pipeline;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.patchcore.ImageScore;

/** A model's score for one image, with the image's ground truth. */
public record Prediction(ImageRecord image, ImageScore score) {
}
