package org.crossdefect.core.adapt;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.model.NestedModelFiles;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.DecisionBand;
import org.crossdefect.core.score.ImageScore;

import ai.djl.ndarray.NDManager;

/** A model trained on residual embeddings and the target's references it scores against. */
final class ResidualModel implements AnomalyModel {

    /** What model.json holds; the inner model and the reference vectors are entries of their own. */
    record Stored(ModelInfo info, List<String> referenceKeys, int patches) {
    }

    private final ModelInfo info;
    private final AnomalyModel inner;
    private final Residuals.References target;
    private final Residuals residuals;
    private final NDManager manager;

    ResidualModel(ModelInfo info, AnomalyModel inner, Residuals.References target, NDManager manager) {
        this.info = info;
        this.inner = inner;
        this.target = target;
        this.residuals = new Residuals(manager.newSubManager());
        this.manager = manager;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** Scores each image's residuals against the target's references (a reference: against the others). */
    @Override
    public List<ImageScore> score(PatchSource images, Progress progress) throws IOException {
        return inner.score(residuals.of(images, Collections.nCopies(images.images(), target)), progress);
    }

    @Override
    public Optional<DecisionBand> decisionBand() {
        return inner.decisionBand();
    }

    @Override
    public OptionalDouble goodOnlyThreshold() {
        return inner.goodOnlyThreshold();
    }

    @Override
    public void write(OutputStream out) throws IOException {
        ModelFile.write(out, info.method(), new Stored(info, target.keys(), target.patches()),
                Map.of(ResidualMethod.INNER_ENTRY, NestedModelFiles.bytes(inner), ResidualMethod.REFERENCES_ENTRY,
                        ModelFile.floats(target.vectors())));
    }

    @Override
    public void useSearch(org.crossdefect.core.nn.Search search) {
        inner.useSearch(search);
    }

    @Override
    public void close() {
        try {
            inner.close();
            residuals.close();
        } finally {
            manager.close();
        }
    }
}
