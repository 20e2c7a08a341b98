package org.crossdefect.core.miro;

import java.io.IOException;
import java.util.List;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.DeclaredMethod;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.model.TrainingNeeds;
import org.crossdefect.core.progress.Progress;

import ai.djl.ndarray.NDManager;

/**
 * MIRO as a method of its own (the paper's "MIRO" row): the fine-tuned backbone as an image
 * classifier, P(anomalous) as the image score. Its embeddings are those of the fine-tuned
 * backbone's last stage, which the classifier reads.
 */
public final class MiroMethod extends DeclaredMethod<MiroSettings> {

    public static final String ID = "miro";

    public MiroMethod() {
        super(ID, "MIRO", "The backbone fine-tuned with MIRO (mutual-information regularisation towards the "
                + "pretrained network) as a good/defect classifier of the source categories' images.",
                MiroSettings.PARAMETERS, MiroSettings::from);
    }

    @Override
    public boolean finetunesBackbone() {
        return true;
    }

    @Override
    public TrainingNeeds needs() {
        return TrainingNeeds.GOOD_AND_DEFECT_IMAGES;
    }

    @Override
    public AnomalyModel fit(TrainingData data, MiroSettings settings, NDManager manager, Progress progress)
            throws IOException {
        data.require(needs(), title());
        MiroFineTuning.Tuned tuned = MiroFineTuning.of(data, settings, progress);
        Backbone base = data.extractor().backbone();
        List<String> all = base.architecture().layerNames();
        try (Backbone last = Backbone.load(base.spec().withWeights(tuned.file()).withLayers(List.of(all.get(
                all.size() - 1))))) {
            float[][] head = tuned.head();
            manager.close(); // the classifier lives on the Java heap
            return new MiroModel(ModelInfo.of(ID, last).withTiling(data.tiling()), settings, data.seed(), head[0], head[1], tuned.file());
        }
    }

    @Override
    public AnomalyModel read(ModelFile.Contents contents, NDManager manager) {
        manager.close();
        return MiroModel.read(contents);
    }
}
