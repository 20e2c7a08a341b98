package org.crossdefect.core.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.patchcore.ImageScore;
import org.crossdefect.core.patchcore.LabeledPatchCoreModel;
import org.crossdefect.core.patchcore.PatchCoreModel;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.semlp.SemlpModel;
import org.crossdefect.core.semlp.SemlpSettings;

import ai.djl.ndarray.NDManager;

/**
 * Images in, model out; model and images in, predictions out. Embeddings go through the
 * extractor's store, so each image is embedded once whatever the method.
 */
public final class Training {

    /** The methods {@link #train} knows, in the order the paper's tables list them. */
    public static final List<String> METHODS = List.of(SemlpModel.METHOD, PatchCoreModel.METHOD,
            LabeledPatchCoreModel.METHOD);

    private Training() {
    }

    /**
     * @param train the training images (good, and for supervised methods defect images with masks)
     * @param manager owns the model's native memory; closed with the model
     */
    public static AnomalyModel train(MethodSettings settings, Backbone backbone, EmbeddingExtractor extractor,
            List<ImageRecord> train, NDManager manager, Progress progress) throws IOException {
        return train(settings, backbone, extractor, train, List.of(), manager, progress);
    }

    /**
     * @param validation images for methods that watch a validation loss (SEMLP: per epoch, and
     *     early stopping); ignored by the others; may be empty
     * @throws IllegalStateException if the extractor's store holds another backbone's embeddings
     */
    public static AnomalyModel train(MethodSettings settings, Backbone backbone, EmbeddingExtractor extractor,
            List<ImageRecord> train, List<ImageRecord> validation, NDManager manager, Progress progress)
            throws IOException {
        extractor.store().requireBackbone(backbone.id());
        int categories = (int) train.stream().map(ImageRecord::category).distinct().count();
        ModelInfo info = ModelInfo.of(settings.method(), backbone);
        switch (settings.method()) {
            case PatchCoreModel.METHOD -> {
                List<ImageRecord> good = train.stream().filter(r -> r.label() == Label.GOOD).toList();
                if (good.isEmpty()) {
                    throw new IllegalArgumentException("no good image among the " + train.size()
                            + " training images; PatchCore learns from good images");
                }
                return PatchCoreModel.fit(info, source(extractor, good, progress), settings.coreset(categories),
                        manager, progress);
            }
            case LabeledPatchCoreModel.METHOD -> {
                return LabeledPatchCoreModel.fit(info, source(extractor, train, progress),
                        settings.coreset(categories), settings.patchThreshold(), manager, progress);
            }
            case SemlpModel.METHOD -> {
                return trainSemlp(settings, info, extractor, train, validation, manager, progress);
            }
            default -> throw new IllegalArgumentException("unknown method '" + settings.method()
                    + "'; choose patchcore, labeled-patchcore or semlp");
        }
    }

    /**
     * SEMLP on all training images: good ones and defect ones with masks. Checks the images and
     * counts the patch labels before any embedding is trained on.
     */
    private static AnomalyModel trainSemlp(MethodSettings settings, ModelInfo info, EmbeddingExtractor extractor,
            List<ImageRecord> train, List<ImageRecord> validation, NDManager manager, Progress progress)
            throws IOException {
        requireMasks(train, "training");
        requireMasks(validation, "validation");
        long good = train.stream().filter(r -> r.label() == Label.GOOD).count();
        if (good == 0 || good == train.size()) {
            throw new IllegalArgumentException("SEMLP needs good images and defect images with masks, but the "
                    + train.size() + " training images are " + good + " good and " + (train.size() - good)
                    + " defect images; add " + (good == 0 ? "good images" : "defect images with masks")
                    + " to the training split");
        }
        SemlpSettings semlp = settings.semlpTraining();
        PatchSource trainSource = source(extractor, train, progress);
        PatchSource validationSource = validation.isEmpty() ? null : source(extractor, validation, progress);
        List<String> trainTypes = semlp.typeHead() ? types(train) : null;
        List<String> validationTypes = semlp.typeHead() ? types(validation) : null;
        return SemlpModel.fit(info, trainSource, trainTypes, validationSource, validationTypes, semlp, manager,
                progress);
    }

    private static void requireMasks(List<ImageRecord> images, String role) {
        for (ImageRecord r : images) {
            if (r.label() == Label.ANOMALOUS && r.mask() == null) {
                throw new IllegalArgumentException("the " + role + " defect image " + r.image() + " has no ground-truth "
                        + "mask; SEMLP learns from masked defect patches: add its mask or leave the image out");
            }
        }
    }

    private static List<String> types(List<ImageRecord> images) {
        return images.stream().map(r -> r.label() == Label.GOOD ? ImageRecord.GOOD : r.defectType()).toList();
    }

    /**
     * Scores images (embedding those not yet in the store).
     *
     * @throws IllegalStateException if the extractor's store holds another backbone's embeddings
     *     than the model was trained on
     */
    public static List<Prediction> predict(AnomalyModel model, EmbeddingExtractor extractor, List<ImageRecord> images,
            Progress progress) throws IOException {
        extractor.store().requireBackbone(model.info().backboneId());
        PatchSource source = source(extractor, images, progress);
        List<ImageScore> scores = model.score(source, progress);
        List<Prediction> predictions = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            predictions.add(new Prediction(images.get(i), scores.get(i)));
        }
        return predictions;
    }

    /** Embeds what is missing and returns the images' embeddings as a source, in order. */
    public static PatchSource source(EmbeddingExtractor extractor, List<ImageRecord> images, Progress progress)
            throws IOException {
        EmbeddingExtractor.Result result = extractor.embed(images, progress);
        List<String> keys = result.images().stream().map(EmbeddingExtractor.EmbeddedImage::key).toList();
        return PatchSource.of(extractor.store(), keys);
    }
}
