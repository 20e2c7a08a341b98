package org.crossdefect.core.miro;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.model.NestedModelFiles;
import org.crossdefect.core.nn.Search;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.DecisionBand;
import org.crossdefect.core.score.ImageScore;

import ai.djl.ndarray.NDManager;

/** A model of another method trained on a MIRO fine-tuned backbone's embeddings, under its own id. */
final class MiroBackedModel implements AnomalyModel {

    /** What the model file's JSON holds (the inner model is an entry of its own). */
    record Stored(ModelInfo info, String backboneFile) {
    }

    private final ModelInfo info;
    private final AnomalyModel inner;
    private final Path backboneFile;
    private final NDManager manager;

    MiroBackedModel(String id, AnomalyModel inner, Path backboneFile, NDManager manager) {
        this.info = inner.info().withMethod(id);
        this.inner = inner;
        this.backboneFile = backboneFile;
        this.manager = manager;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public List<ImageScore> score(PatchSource images, Progress progress) throws IOException {
        return inner.score(images, progress);
    }

    @Override
    public void write(OutputStream out) throws IOException {
        ModelFile.write(out, info.method(), new Stored(info, backboneFile == null ? null
                : backboneFile.getFileName().toString()), Map.of(MiroBackedMethod.INNER_ENTRY,
                        NestedModelFiles.bytes(inner)));
    }

    @Override
    public OptionalDouble goodOnlyThreshold() {
        return inner.goodOnlyThreshold();
    }

    @Override
    public Optional<DecisionBand> decisionBand() {
        return inner.decisionBand();
    }

    @Override
    public void useSearch(Search search) {
        inner.useSearch(search);
    }

    @Override
    public Optional<Path> backboneWeights() {
        return Optional.ofNullable(backboneFile);
    }

    @Override
    public void close() {
        try {
            inner.close();
        } finally {
            manager.close();
        }
    }
}
