package org.crossdefect.core.miro;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.DeclaredMethod;
import org.crossdefect.core.model.Method;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.NestedModelFiles;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.model.TrainingNeeds;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameter;

import ai.djl.ndarray.NDManager;

/**
 * A method on embeddings of a MIRO fine-tuned backbone (the paper's "SEMLP (MIRO)" and
 * "PatchCore (MIRO)"): the backbone is fine-tuned on the training data (or the fine-tuning of an
 * earlier run on the same data is reused, {@link MiroFineTuning}), the images are embedded with it
 * into its own part of the store, and the inner method trains on those embeddings as usual.
 *
 * @param <S> the inner method's settings
 */
public final class MiroBackedMethod<S> extends DeclaredMethod<MiroBackedMethod.Settings<S>> {

    /** The inner method's settings and the fine-tuning's. */
    public record Settings<S>(S inner, MiroSettings miro) {
    }

    static final String INNER_ENTRY = "inner.model";

    private final Method<S> inner;

    public MiroBackedMethod(Method<S> inner) {
        super(inner.id() + "-miro", inner.title() + " (MIRO)", inner.title() + " on embeddings of the backbone "
                + "fine-tuned with MIRO on the source categories' good and defect images.", withMiro(inner.parameters()),
                values -> new Settings<>(inner.settings(values), MiroSettings.from(values)));
        this.inner = inner;
    }

    private static List<Parameter> withMiro(List<Parameter> parameters) {
        List<Parameter> all = new ArrayList<>(parameters);
        all.addAll(MiroSettings.PARAMETERS);
        return all;
    }

    @Override
    public boolean finetunesBackbone() {
        return true;
    }

    @Override
    public TrainingNeeds needs() {
        // The fine-tuning classifies good against defect images, whatever the inner method needs.
        return inner.needs().usesTargetShots() ? TrainingNeeds.GOOD_AND_DEFECT_IMAGES_AND_TARGET_SHOTS
                : TrainingNeeds.GOOD_AND_DEFECT_IMAGES;
    }

    @Override
    public AnomalyModel fit(TrainingData data, Settings<S> settings, NDManager manager, Progress progress)
            throws IOException {
        data.require(needs(), title());
        MiroFineTuning.Tuned tuned = MiroFineTuning.of(data, settings.miro(), progress);
        Backbone base = data.extractor().backbone();
        try (Backbone fineTuned = Backbone.load(base.spec().withWeights(tuned.file()))) {
            EmbeddingExtractor extractor = data.extractor().sibling(fineTuned);
            TrainingData onTuned = data.embeddedBy(extractor);
            AnomalyModel model = inner.fit(onTuned, settings.inner(), manager.newSubManager(), progress);
            return new MiroBackedModel(id(), model, tuned.file(), manager);
        }
    }

    @Override
    public AnomalyModel read(ModelFile.Contents contents, NDManager manager) throws IOException {
        AnomalyModel model = inner.read(NestedModelFiles.read(contents, INNER_ENTRY), manager.newSubManager());
        return new MiroBackedModel(id(), model, null, manager);
    }
}
