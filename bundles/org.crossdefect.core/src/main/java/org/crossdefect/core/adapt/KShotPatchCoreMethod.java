package org.crossdefect.core.adapt;

import java.io.IOException;
import java.util.List;

import org.crossdefect.core.coreset.CoresetMode;
import org.crossdefect.core.coreset.CoresetSettings;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.DeclaredMethod;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.model.TrainingNeeds;
import org.crossdefect.core.patchcore.PatchCoreMethod;
import org.crossdefect.core.patchcore.PatchCoreModel;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameters;

import ai.djl.ndarray.NDManager;

/**
 * k-shot PatchCore: a memory bank of every patch of k good images of the new object itself (few-
 * shot PatchCore). It knows nothing of defects, only this object's normal look, which the
 * cross-category methods lack; the fusions combine both.
 */
public final class KShotPatchCoreMethod extends DeclaredMethod<Integer> {

    public static final String ID = "patchcore-kshot";

    public KShotPatchCoreMethod() {
        super(ID, "PatchCore (k-shot)", "A memory bank of every patch of k good images of the target object; a patch's "
                + "score is its distance to the nearest one.", List.of(TrainingData.TARGET_SHOTS),
                KShotPatchCoreMethod::shots);
    }

    static int shots(Parameters p) {
        int k = p.integer(TrainingData.TARGET_SHOTS);
        org.crossdefect.core.error.InvalidSettingException.require(k >= 0, TrainingData.TARGET_SHOTS.key(),
                "target-shots must be 0 or more, got " + k);
        return k;
    }

    @Override
    public TrainingNeeds needs() {
        return TrainingNeeds.TARGET_SHOTS;
    }

    @Override
    public AnomalyModel fit(TrainingData data, Integer shots, NDManager manager, Progress progress)
            throws IOException {
        data.require(needs(), title());
        return fit(data, manager, progress);
    }

    /** The bank of the data's target shots (every patch: k images are few enough to keep whole). */
    static PatchCoreModel fit(TrainingData data, NDManager manager, Progress progress) throws IOException {
        return PatchCoreModel.fit(data.info(ID), data.embeddings(data.targetShots(), progress), everyPatch(data.seed()),
                manager, progress);
    }

    static CoresetSettings everyPatch(long seed) {
        return CoresetSettings.of(CoresetMode.BULK, 1.0, seed);
    }

    @Override
    public AnomalyModel read(ModelFile.Contents contents, NDManager manager) {
        return new PatchCoreMethod().read(contents, manager);
    }
}
