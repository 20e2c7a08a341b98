package org.crossdefect.core.patchcore;

import java.io.IOException;

import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.DeclaredMethod;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.progress.Progress;

import ai.djl.ndarray.NDManager;

/** Labeled PatchCore (the paper's Section 3.2 and A.1): a good and an anomaly coreset. */
public final class LabeledPatchCoreMethod extends DeclaredMethod<LabeledPatchCoreSettings> {

    public static final String ID = "labeled-patchcore";

    public LabeledPatchCoreMethod() {
        super(ID, "Labeled PatchCore", "Coresets of good and of anomalous patches; a patch belongs to the nearer "
                + "one (the paper, Sec. 3.2).", LabeledPatchCoreSettings.PARAMETERS, LabeledPatchCoreSettings::from);
    }

    @Override
    public org.crossdefect.core.model.TrainingNeeds needs() {
        return org.crossdefect.core.model.TrainingNeeds.GOOD_AND_DEFECT_IMAGES;
    }

    @Override
    public AnomalyModel fit(TrainingData data, LabeledPatchCoreSettings settings, NDManager manager,
            Progress progress) throws IOException {
        data.require(needs(), title());
        return LabeledPatchCoreModel.fit(data.info(ID), data.embeddings(data.train(), progress),
                settings.coreset().coreset(data), settings.labels(), manager, progress);
    }

    @Override
    public AnomalyModel read(ModelFile.Contents contents, NDManager manager) {
        return LabeledPatchCoreModel.read(contents, manager);
    }
}
