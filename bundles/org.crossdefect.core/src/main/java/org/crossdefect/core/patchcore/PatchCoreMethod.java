package org.crossdefect.core.patchcore;

import java.io.IOException;

import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.DeclaredMethod;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.progress.Progress;

import ai.djl.ndarray.NDManager;

/** PatchCore (Roth et al. 2022): a coreset of the good training images' patches. */
public final class PatchCoreMethod extends DeclaredMethod<PatchCoreSettings> {

    public static final String ID = "patchcore";

    public PatchCoreMethod() {
        super(ID, "PatchCore", "Coreset of good patches; a patch's score is its distance to the nearest one (Roth "
                + "et al. 2022).", PatchCoreSettings.PARAMETERS, PatchCoreSettings::from);
    }

    @Override
    public AnomalyModel fit(TrainingData data, PatchCoreSettings settings, NDManager manager, Progress progress)
            throws IOException {
        var good = data.requireGood(title());
        return PatchCoreModel.fit(data.info(ID), data.embeddings(good, progress), settings.coreset(data), manager,
                progress);
    }

    @Override
    public AnomalyModel read(ModelFile.Contents contents, NDManager manager) {
        return PatchCoreModel.read(contents, manager);
    }
}
