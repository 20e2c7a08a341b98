package org.crossdefect.core.miro;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.ImageScore;

/**
 * The MIRO classifier: the fine-tuned backbone's head over its last stage. It scores from the
 * patch embeddings of that stage alone: each patch's logit difference (anomalous minus good) is
 * its patch score, a class activation map, and their mean is the image's logit difference, so
 * the image score {@code sigmoid(mean)} is exactly the classifier's P(anomalous), and the map
 * shows where the evidence for it lies.
 */
final class MiroModel implements AnomalyModel {

    /** What the model file's JSON holds. */
    record Stored(ModelInfo info, MiroSettings settings, long seed, String layout) {
    }

    private final ModelInfo info;
    private final MiroSettings settings;
    private final long seed;
    /** Head weight of "anomalous" minus that of "good", per embedding channel. */
    private final float[] direction;
    private final float offset;
    private final java.nio.file.Path backboneFile;

    MiroModel(ModelInfo info, MiroSettings settings, long seed, float[] headWeight, float[] headBias,
            java.nio.file.Path backboneFile) {
        this(info, settings, seed, difference(headWeight), headBias[1] - headBias[0], backboneFile);
    }

    private MiroModel(ModelInfo info, MiroSettings settings, long seed, float[] direction, float offset,
            java.nio.file.Path backboneFile) {
        if (direction.length != info.dim()) {
            throw new IllegalArgumentException("a head over " + direction.length + " channels for " + info.dim()
                    + "-dimensional embeddings");
        }
        this.info = info;
        this.settings = settings;
        this.seed = seed;
        this.direction = direction;
        this.offset = offset;
        this.backboneFile = backboneFile;
    }

    private static float[] difference(float[] headWeight) {
        int c = headWeight.length / MiroTrainer.CLASSES;
        float[] d = new float[c];
        for (int i = 0; i < c; i++) {
            d[i] = headWeight[c + i] - headWeight[i];
        }
        return d;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public List<ImageScore> score(PatchSource images, Progress progress) throws IOException {
        List<ImageScore> scores = new ArrayList<>(images.images());
        for (int i = 0; i < images.images(); i++) {
            progress.checkCancelled();
            PatchEmbeddings e = images.image(i);
            float[] patch = new float[e.patches()];
            double sum = 0;
            for (int p = 0; p < e.patches(); p++) {
                double dot = offset;
                int base = p * e.dim();
                for (int c = 0; c < e.dim(); c++) {
                    dot += (double) e.values()[base + c] * direction[c];
                }
                patch[p] = (float) dot;
                sum += dot;
            }
            double probability = 1 / (1 + Math.exp(-sum / e.patches()));
            scores.add(new ImageScore(probability, patch, info.gridHeight(), info.gridWidth(), probability >= 0.5,
                    null));
            progress.update(i + 1, images.images(), "scoring with the MIRO classifier");
        }
        return scores;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("direction.f32", ModelFile.floats(direction));
        entries.put("offset.f32", ModelFile.floats(new float[] {offset}));
        ModelFile.write(out, info.method(), new Stored(info, settings, seed, "direction = head weight of anomalous "
                + "minus good, per channel; score = sigmoid(mean over patches of embedding . direction + offset)"),
                entries);
    }

    static MiroModel read(ModelFile.Contents c) {
        Stored s = c.json(Stored.class);
        return new MiroModel(s.info(), s.settings(), s.seed(), ModelFile.floats(c.entry("direction.f32")),
                ModelFile.floats(c.entry("offset.f32"))[0], null);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> backboneWeights() {
        return java.util.Optional.ofNullable(backboneFile);
    }

    @Override
    public void close() {
        // Java arrays only.
    }
}
