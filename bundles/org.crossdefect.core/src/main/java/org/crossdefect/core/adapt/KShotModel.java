package org.crossdefect.core.adapt;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.model.NestedModelFiles;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.DecisionBand;
import org.crossdefect.core.score.ImageScore;

import ai.djl.ndarray.NDManager;

/** k-shot PatchCore's bank and its good-images-only threshold (NaN with fewer than 2 shots). */
final class KShotModel implements AnomalyModel {

    /** What model.json holds; the bank is an entry of its own. */
    record Stored(ModelInfo info, Double threshold, DecisionBand band) {
    }

    private final ModelInfo info;
    private final AnomalyModel bank;
    private final double threshold;
    private final DecisionBand band;
    private final NDManager manager;

    /** @param band null with fewer than 2 shots, like a NaN threshold */
    KShotModel(ModelInfo info, AnomalyModel bank, double threshold, DecisionBand band, NDManager manager) {
        this.info = info;
        this.bank = bank;
        this.threshold = threshold;
        this.band = band;
        this.manager = manager;
    }

    @Override
    public java.util.Optional<DecisionBand> decisionBand() {
        return java.util.Optional.ofNullable(band);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public List<ImageScore> score(PatchSource images, Progress progress) throws IOException {
        List<ImageScore> scores = new ArrayList<>();
        for (ImageScore s : bank.score(images, progress)) {
            Boolean anomalous = Double.isNaN(threshold) ? null : s.score() >= threshold;
            scores.add(new ImageScore(s.score(), s.patchScores(), s.gridHeight(), s.gridWidth(), anomalous, null));
        }
        return scores;
    }

    @Override
    public OptionalDouble goodOnlyThreshold() {
        return Double.isNaN(threshold) ? OptionalDouble.empty() : OptionalDouble.of(threshold);
    }

    @Override
    public void write(OutputStream out) throws IOException {
        ModelFile.write(out, info.method(), new Stored(info, Double.isNaN(threshold) ? null : threshold, band),
                Map.of(KShotPatchCoreMethod.BANK_ENTRY, NestedModelFiles.bytes(bank)));
    }

    @Override
    public void useSearch(org.crossdefect.core.nn.Search search) {
        bank.useSearch(search);
    }

    @Override
    public void close() {
        try {
            bank.close();
        } finally {
            manager.close();
        }
    }
}
