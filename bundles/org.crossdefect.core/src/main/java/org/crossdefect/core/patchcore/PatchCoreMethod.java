package org.crossdefect.core.patchcore;

import java.io.IOException;
import java.util.List;

import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.Method;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

import ai.djl.ndarray.NDManager;

/** PatchCore (Roth et al. 2022): a coreset of the good training images' patches. */
public final class PatchCoreMethod implements Method<PatchCoreSettings> {

    public static final String ID = "patchcore";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "PatchCore";
    }

    @Override
    public String description() {
        return "Coreset of good patches; a patch's score is its distance to the nearest one (Roth et al. 2022).";
    }

    @Override
    public List<Parameter> parameters() {
        return PatchCoreSettings.PARAMETERS;
    }

    @Override
    public PatchCoreSettings settings(Parameters values) {
        return PatchCoreSettings.from(values);
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
