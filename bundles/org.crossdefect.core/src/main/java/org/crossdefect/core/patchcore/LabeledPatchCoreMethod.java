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

/** Labeled PatchCore (the paper's Section 3.2 and A.1): a good and an anomaly coreset. */
public final class LabeledPatchCoreMethod implements Method<LabeledPatchCoreSettings> {

    public static final String ID = "labeled-patchcore";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Labeled PatchCore";
    }

    @Override
    public String description() {
        return "Coresets of good and of anomalous patches; a patch belongs to the nearer one (the paper, Sec. 3.2).";
    }

    @Override
    public List<Parameter> parameters() {
        return LabeledPatchCoreSettings.PARAMETERS;
    }

    @Override
    public LabeledPatchCoreSettings settings(Parameters values) {
        return LabeledPatchCoreSettings.from(values);
    }

    @Override
    public AnomalyModel fit(TrainingData data, LabeledPatchCoreSettings settings, NDManager manager,
            Progress progress) throws IOException {
        data.requireGood(title());
        return LabeledPatchCoreModel.fit(data.info(ID), data.embeddings(data.train(), progress),
                settings.coreset().coreset(data), settings.labels(), manager, progress);
    }

    @Override
    public AnomalyModel read(ModelFile.Contents contents, NDManager manager) {
        return LabeledPatchCoreModel.read(contents, manager);
    }
}
