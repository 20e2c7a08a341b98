package org.crossdefect.core.model;

import java.io.IOException;
import java.util.List;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.data.Tiling;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.error.UnsuitableDataException;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameter;

/**
 * What a method trains on: the training and validation images, the seed (the one place a
 * training's randomness comes from), and the extractor that turns images into patch embeddings
 * (through the embedding store, so each image is embedded once whatever the method).
 *
 * @param train good images, and defect images with masks for methods that learn from them
 * @param validation images for methods that watch a validation loss; may be empty
 * @param seed seeds every random choice of the training (coreset start, initialisation, order)
 * @param crossCategory whether the images come from several source categories for an unseen
 *     target (the paper's protocol; PatchCore then divides its coreset ratio by their number)
 * @param targetShots a few good images of the target (its {@code train/good}, never its test
 *     images) for methods that adapt to the new object; empty in the paper's strict protocol
 * @param tiling how the images were cut into tiles (the records are the tiles); the model keeps
 *     it, so predictions cut images the same way
 * @param tilingSetting the tiles setting as given (possibly auto), from which the parts of a
 *     fused method cut their own images ({@link #cutFor})
 */
public record TrainingData(List<ImageRecord> train, List<ImageRecord> validation, long seed, boolean crossCategory,
        EmbeddingExtractor extractor, List<ImageRecord> targetShots, EmbeddingView view, Tiling tiling,
        Tiling tilingSetting) {

    /**
     * How a method sees the images' embeddings: as extracted, or transformed (the residual
     * methods hand their inner method every patch minus its nearest reference patch).
     */
    @FunctionalInterface
    public interface EmbeddingView {
        /** The embeddings as the extractor made them. */
        EmbeddingView AS_EXTRACTED = (images, embeddings) -> embeddings;

        /** @return what the method sees of {@code embeddings}, the images' embeddings in order */
        PatchSource apply(List<ImageRecord> images, PatchSource embeddings) throws IOException;
    }

    /**
     * How many good images of the new object adaptation uses (k), read by the methods that adapt;
     * 0 is the paper's strict protocol.
     */
    public static final Parameter TARGET_SHOTS = new Parameter("target-shots", "10", "Good images of the target "
            + "object (from its train/good, never its test images) that the k-shot methods learn its normal look "
            + "from.");

    public TrainingData {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        targetShots = List.copyOf(targetShots);
        java.util.Objects.requireNonNull(view, "view");
        java.util.Objects.requireNonNull(tiling, "tiling");
        java.util.Objects.requireNonNull(tilingSetting, "tilingSetting");
    }

    /** Images cut by {@code tiling}, which is also the setting. */
    public TrainingData(List<ImageRecord> train, List<ImageRecord> validation, long seed, boolean crossCategory,
            EmbeddingExtractor extractor, List<ImageRecord> targetShots, EmbeddingView view, Tiling tiling) {
        this(train, validation, seed, crossCategory, extractor, targetShots, view, tiling, tiling);
    }

    /** Whole images, the embeddings as extracted. */
    public TrainingData(List<ImageRecord> train, List<ImageRecord> validation, long seed, boolean crossCategory,
            EmbeddingExtractor extractor, List<ImageRecord> targetShots) {
        this(train, validation, seed, crossCategory, extractor, targetShots, EmbeddingView.AS_EXTRACTED, Tiling.WHOLE);
    }

    /** @return the same data with other training and validation images, seen through {@code view} */
    public TrainingData seenThrough(List<ImageRecord> train, List<ImageRecord> validation, EmbeddingView view) {
        return new TrainingData(train, validation, seed, crossCategory, extractor, targetShots, view, tiling,
                tilingSetting);
    }

    /** @return the same data embedded by another extractor (a fine-tuned backbone's) */
    public TrainingData embeddedBy(EmbeddingExtractor other) {
        return new TrainingData(train, validation, seed, crossCategory, other, targetShots, view, tiling,
                tilingSetting);
    }

    /**
     * @param part a part of a fused method
     * @return the same images cut as the part cuts them: by the setting, or for auto by the
     *     part's own choice (so a fusion's cross-category part can take whole images while its
     *     k-shot part takes tiles); this data itself when that is how it is cut
     * @throws org.crossdefect.core.data.ImageReadException naming an image whose size cannot be read
     */
    public TrainingData cutFor(Method<?> part) throws IOException {
        Tiling own = tilingSetting.resolve(part.tilingWhenAuto());
        if (own.equals(tiling)) {
            return this;
        }
        return new TrainingData(own.tiles(wholeImages(train)), own.tiles(wholeImages(validation)), seed,
                crossCategory, extractor, own.tiles(wholeImages(targetShots)), view, own, tilingSetting);
    }

    private static List<ImageRecord> wholeImages(List<ImageRecord> records) {
        return records.stream().map(ImageRecord::whole).distinct().toList();
    }

    /** The paper's strict protocol: nothing of the target. */
    public TrainingData(List<ImageRecord> train, List<ImageRecord> validation, long seed, boolean crossCategory,
            EmbeddingExtractor extractor) {
        this(train, validation, seed, crossCategory, extractor, List.of());
    }

    /** @return how many categories the training images come from */
    public int categories() {
        return (int) train.stream().map(ImageRecord::category).distinct().count();
    }

    public List<ImageRecord> good() {
        return train.stream().filter(r -> r.label() == Label.GOOD).toList();
    }

    /** @return the model info of a model of {@code method} on this data's backbone */
    public ModelInfo info(String method) {
        return ModelInfo.of(method, extractor.backbone()).withTiling(tiling);
    }

    /** Embeds what is missing and returns the images' embeddings as a source, in order. */
    public PatchSource embeddings(List<ImageRecord> images, Progress progress) throws IOException {
        return view.apply(images, extractor.embeddings(images, progress));
    }

    /**
     * @throws UnsuitableDataException if there is no good training image
     */
    public List<ImageRecord> requireGood(String method) {
        require(TrainingNeeds.GOOD_IMAGES, method);
        return good();
    }

    /** @throws UnsuitableDataException if the training images do not meet the needs */
    public void require(TrainingNeeds needs, String method) {
        String unmet = needs.unmetBy(train, targetShots, method);
        if (unmet != null) {
            throw new UnsuitableDataException(unmet);
        }
    }

    /**
     * @param role "training" or "validation"
     * @throws UnsuitableDataException naming the first defect image without a mask
     */
    public static void requireMasks(List<ImageRecord> images, String role, String method) {
        for (ImageRecord r : images) {
            if (r.label() == Label.ANOMALOUS && r.mask() == null) {
                throw new UnsuitableDataException("the " + role + " defect image " + r.image() + " has no "
                        + "ground-truth mask; " + method + " learns from masked defect patches: add its mask or "
                        + "leave the image out");
            }
        }
    }

}
