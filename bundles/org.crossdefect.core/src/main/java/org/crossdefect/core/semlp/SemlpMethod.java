package org.crossdefect.core.semlp;

import java.io.IOException;
import java.util.List;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.DeclaredMethod;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.progress.Progress;

import ai.djl.ndarray.NDManager;

/** SEMLP (the paper's Section 3.3): a small MLP on every patch embedding, trained on all training images. */
public final class SemlpMethod extends DeclaredMethod<SemlpSettings> {

    public static final String ID = "semlp";

    public SemlpMethod() {
        super(ID, "SEMLP", "Spatial Embedding MLP: classifies every patch embedding as good or a defect (the "
                + "paper, Sec. 3.3).", SemlpSettings.PARAMETERS, SemlpSettings::from);
    }

    @Override
    public org.crossdefect.core.model.TrainingNeeds needs() {
        return org.crossdefect.core.model.TrainingNeeds.GOOD_AND_DEFECT_IMAGES;
    }

    @Override
    public AnomalyModel fit(TrainingData data, SemlpSettings settings, NDManager manager, Progress progress)
            throws IOException {
        TrainingData.requireMasks(data.train(), "training", title());
        TrainingData.requireMasks(data.validation(), "validation", title());
        data.require(needs(), title());
        PatchSource train = data.embeddings(data.train(), progress);
        PatchSource validation = data.validation().isEmpty() ? null : data.embeddings(data.validation(), progress);
        List<String> trainTypes = settings.typeHead() ? types(data.train()) : null;
        List<String> validationTypes = settings.typeHead() ? types(data.validation()) : null;
        return SemlpModel.fit(data.info(ID), train, trainTypes, validation, validationTypes, settings, data.seed(),
                manager, progress);
    }

    private static List<String> types(List<ImageRecord> images) {
        return images.stream().map(r -> r.label() == Label.GOOD ? ImageRecord.GOOD : r.defectType()).toList();
    }

    @Override
    public AnomalyModel read(ModelFile.Contents contents, NDManager manager) {
        return SemlpModel.read(contents, manager);
    }
}
