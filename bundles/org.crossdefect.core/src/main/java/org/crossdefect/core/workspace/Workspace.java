package org.crossdefect.core.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.ImageSelection;
import org.crossdefect.core.data.Tiling;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.ImageScore;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.score.TiledScores;

/**
 * A loaded backbone and its embedding store, closed together: what training, prediction and the
 * benchmark work in. Models made in a workspace own their own native memory and outlive it.
 */
public final class Workspace implements AutoCloseable {

    private final Backbone backbone;
    private final EmbeddingExtractor extractor;

    private Workspace(Backbone backbone, EmbeddingExtractor extractor) {
        this.backbone = backbone;
        this.extractor = extractor;
    }

    /**
     * @param storeRoot the embedding store's root folder (one part per backbone inside)
     * @param batch images per forward pass
     * @throws InvalidSettingException if batch is below 1
     * @throws org.crossdefect.core.backbone.BackboneException if the backbone cannot be built
     */
    public static Workspace open(BackboneSpec spec, Path storeRoot, int batch) throws IOException {
        return open(spec, storeRoot, batch, 1);
    }

    /** @param workers threads that decode and preprocess images beside the backbone */
    public static Workspace open(BackboneSpec spec, Path storeRoot, int batch, int workers) throws IOException {
        InvalidSettingException.require(batch >= 1, "batch", "images per forward pass (batch) must be at least 1, got "
                + batch);
        InvalidSettingException.require(workers >= 1, "workers", "workers must be at least 1, got " + workers);
        Backbone backbone = Backbone.load(spec);
        try {
            return new Workspace(backbone, EmbeddingExtractor.create(backbone, storeRoot, batch, workers));
        } catch (IOException | RuntimeException | Error e) {
            backbone.close();
            throw e;
        }
    }

    public Backbone backbone() {
        return backbone;
    }

    public EmbeddingExtractor extractor() {
        return extractor;
    }

    /** @return the training data of a selection, for this workspace's backbone, for a method that takes images whole when auto */
    public TrainingData trainingData(ImageSelection.Selected images, long seed) throws IOException {
        return trainingData(images, seed, List.of(), tiling().resolve(Tiling.WHOLE));
    }

    /**
     * @param targetShots good images of the target, for methods that adapt to it
     * @param tiling how to cut the images ({@link #tilingFor} the method)
     */
    public TrainingData trainingData(ImageSelection.Selected images, long seed, List<ImageRecord> targetShots,
            Tiling tiling) throws IOException {
        return trainingData(images.train(), images.validation(), seed, images.crossCategory(), targetShots, tiling);
    }

    /**
     * @param tiling how to cut the images ({@link #tilingFor} the method)
     * @return training data of these images for this workspace's backbone, each image cut into
     *     tiles (a tile trains as an image, with its part of the mask)
     * @throws org.crossdefect.core.data.ImageReadException naming an image whose size cannot be read
     */
    public TrainingData trainingData(List<ImageRecord> train, List<ImageRecord> validation, long seed,
            boolean crossCategory, List<ImageRecord> targetShots, Tiling tiling) throws IOException {
        // Under auto the parts of a fused method resolve the setting each for itself (TrainingData.cutFor).
        Tiling setting = tiling().auto() ? tiling() : tiling;
        return new TrainingData(tiling.tiles(train), tiling.tiles(validation), seed, crossCategory, extractor,
                tiling.tiles(targetShots), TrainingData.EmbeddingView.AS_EXTRACTED, tiling, setting);
    }

    /** @return how a method trains here: the backbone's tiles setting, or for auto the method's own choice */
    public Tiling tilingFor(org.crossdefect.core.model.Method<?> method) {
        return tiling().resolve(method.tilingWhenAuto());
    }

    /** @return how images are cut into the backbone's inputs, as set (possibly auto) */
    public Tiling tiling() {
        return backbone.spec().tiling();
    }

    /**
     * @return what a model's maps cover, for heatmaps, pixel metrics and regions: the backbone's
     *     crop, or the whole image when the model's maps are stitched from tiles
     */
    public Preprocessing mapsCover(ModelInfo model) {
        return TiledScores.mapsCover(backbone.preprocessing(), model.tiling());
    }

    /**
     * Scores images (embedding those not yet in the store), cut into tiles as the model was
     * trained (whatever this workspace's tiling for training), one prediction per image.
     *
     * @throws org.crossdefect.core.error.IncompatibleException if the model was trained on
     *     another backbone than this workspace's
     */
    public List<Prediction> predict(AnomalyModel model, List<ImageRecord> images, Progress progress)
            throws IOException {
        List<AnomalyModel> parts = model.separateParts();
        if (!parts.isEmpty()) {
            return predictParts(model, parts, images, progress);
        }
        List<ImageRecord> tiles = model.info().tiling().tiles(images);
        List<Prediction> scored;
        java.util.Optional<java.nio.file.Path> own = model.backboneWeights();
        if (own.isPresent() && !model.info().backboneId().equals(backbone.id())) {
            // A model on a fine-tuned backbone (MIRO) embeds with that backbone, into its own store part.
            try (Backbone tuned = Backbone.load(backbone.spec().withWeights(own.get())
                    .withLayers(model.info().layers()))) {
                scored = predict(model, extractor.sibling(tuned), tiles, progress);
            }
        } else {
            scored = predict(model, extractor, tiles, progress);
        }
        return TiledScores.merge(scored, backbone.preprocessing(), model.info().tiling().tiled());
    }

    /** Each part predicts the images cut as it was trained; the model fuses their per-image scores. */
    private List<Prediction> predictParts(AnomalyModel model, List<AnomalyModel> parts, List<ImageRecord> images,
            Progress progress) throws IOException {
        List<List<Prediction>> each = new ArrayList<>(parts.size());
        List<Preprocessing> covers = new ArrayList<>(parts.size());
        for (AnomalyModel part : parts) {
            each.add(predict(part, images, progress));
            covers.add(mapsCover(part.info()));
        }
        List<ImageScore> fused = model.fuse(TiledScores.onSharedGrid(each, covers, mapsCover(model.info())));
        List<Prediction> predictions = new ArrayList<>(fused.size());
        for (int i = 0; i < fused.size(); i++) {
            predictions.add(new Prediction(each.get(0).get(i).image(), fused.get(i)));
        }
        return predictions;
    }

    /**
     * Scores images with an extractor of the model's backbone (embedding those not yet in its store).
     *
     * @throws org.crossdefect.core.error.IncompatibleException if the extractor's backbone is
     *     not the one the model was trained on
     */
    public static List<Prediction> predict(AnomalyModel model, EmbeddingExtractor extractor, List<ImageRecord> images,
            Progress progress) throws IOException {
        model.info().requireBackbone(extractor.backbone());
        List<ImageScore> scores = new StreamedPrediction(model, extractor, images, progress).run();
        List<Prediction> predictions = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            predictions.add(new Prediction(images.get(i), scores.get(i)));
        }
        return predictions;
    }

    @Override
    public void close() {
        backbone.close();
    }
}
