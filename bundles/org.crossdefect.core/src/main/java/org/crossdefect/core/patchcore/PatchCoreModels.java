package org.crossdefect.core.patchcore;

import java.io.IOException;

import org.crossdefect.core.io.ModelFile;
import org.crossdefect.core.model.AnomalyModel;

import ai.djl.ndarray.NDManager;

/** Reads the PatchCore family's model files (for {@link org.crossdefect.core.model.Models}). */
public final class PatchCoreModels {

    private PatchCoreModels() {
    }

    /** @return the model, or null if the method is not of this family */
    public static AnomalyModel read(String method, ModelFile.Contents contents, NDManager manager) throws IOException {
        return switch (method) {
            case PatchCoreModel.METHOD -> PatchCoreModel.read(contents, manager);
            case LabeledPatchCoreModel.METHOD -> LabeledPatchCoreModel.read(contents, manager);
            default -> null;
        };
    }
}
