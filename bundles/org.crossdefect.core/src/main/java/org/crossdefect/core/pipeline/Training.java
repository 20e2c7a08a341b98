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

import ai.djl.ndarray.NDManager;

/**
 * Images in, model out; model and images in, predictions out. Embeddings go through the
 * extractor's store, so each image is embedded once whatever the method.
 */
public final class Training {

    /** The methods {@link #train} knows, in the order the paper's tables list them. */
    public static final List<String> METHODS = List.of(PatchCoreModel.METHOD, LabeledPatchCoreModel.METHOD);

    private Training() {
    }

    /**
     * @param train the training images (good, and for supervised methods defect images with masks)
     * @param manager owns the model's native memory; closed with the model
     */
    public static AnomalyModel train(MethodSettings settings, Backbone backbone, EmbeddingExtractor extractor,
            List<ImageRecord> train, NDManager manager, Progress progress) throws IOException {
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
            default -> throw new IllegalArgumentException("unknown method '" + settings.method()
                    + "'; choose patchcore or labeled-patchcore");
        }
    }

    /** Scores images (embedding those not yet in the store). */
    public static List<Prediction> predict(AnomalyModel model, EmbeddingExtractor extractor, List<ImageRecord> images,
            Progress progress) throws IOException {
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
