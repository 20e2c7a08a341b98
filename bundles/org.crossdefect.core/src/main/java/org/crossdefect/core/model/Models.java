package org.crossdefect.core.model;

import java.io.IOException;
import java.nio.file.Path;

import org.crossdefect.core.io.ModelFile;
import org.crossdefect.core.io.ModelFileException;
import org.crossdefect.core.patchcore.PatchCoreModels;
import org.crossdefect.core.semlp.SemlpModel;

import ai.djl.ndarray.NDManager;

/** Reads any model file, dispatching on the method its manifest names. */
public final class Models {

    private Models() {
    }

    /**
     * @param manager owns the model's native memory; closed with the model
     * @throws ModelFileException if the file is damaged, of another version or of an unknown method
     */
    public static AnomalyModel load(Path file, NDManager manager) throws IOException {
        ModelFile.Contents contents = ModelFile.read(file);
        String method = contents.get("method");
        try {
            AnomalyModel model = PatchCoreModels.read(method, contents, manager);
            if (model != null) {
                return model;
            }
            if (SemlpModel.METHOD.equals(method)) {
                return SemlpModel.read(contents, manager);
            }
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("model file " + file + " has an invalid manifest (" + e.getMessage() + ")", e);
        }
        throw new ModelFileException("model file " + file + " is of method '" + method + "', which this version "
                + "of CrossDefect does not know");
    }
}
