package org.crossdefect.core.testing;

import java.util.List;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.workspace.MethodRegistry;
import org.crossdefect.core.workspace.Workspace;

/** Training and prediction through the built-in registry, for tests that hold a backbone and extractor. */
public final class Methods {

    public static final MethodRegistry REGISTRY = MethodRegistry.builtIn();

    private Methods() {
    }

    /** Trains a method on cross-category training images (no validation images). */
    public static AnomalyModel train(String method, Parameters parameters, List<ImageRecord> train, long seed,
            EmbeddingExtractor extractor) throws Exception {
        return train(method, parameters, new TrainingData(train, List.of(), seed, true, extractor));
    }

    public static AnomalyModel train(String method, Parameters parameters, TrainingData data) throws Exception {
        return REGISTRY.fit(method, parameters, data, data.extractor().backbone().device(), Progress.NONE);
    }

    public static List<Prediction> predict(AnomalyModel model, EmbeddingExtractor extractor, List<ImageRecord> images)
            throws Exception {
        return Workspace.predict(model, extractor, images, Progress.NONE);
    }
}
