package org.crossdefect.core.miro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.backbone.Weights;
import org.crossdefect.core.backbone.TrainableNetwork;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.error.OutputExistsException;
import org.crossdefect.core.files.Sha256;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.runtime.DjlRuntime;

import com.google.gson.Gson;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One MIRO fine-tuning per training data, backbone weights, seed and settings, kept as a weights
 * file beside the embedding store ({@code <store>/miro-backbones/<key>.safetensors}): the MIRO
 * classifier, SEMLP (MIRO) and PatchCore (MIRO) of a benchmark run share it, and a second run
 * reuses it. The file is an ordinary weights file of the base architecture (every command takes
 * it), with the classifier head as two extra tensors and a manifest in its header.
 */
public final class MiroFineTuning {

    static final String FOLDER = "miro-backbones";
    /** Extra tensors of the file: the MIRO classifier's head [2, C] and [2]. */
    static final String HEAD_WEIGHT = "miro.head.weight";
    static final String HEAD_BIAS = "miro.head.bias";
    /** Manifest keys. */
    public static final String FORMAT_KEY = "crossdefect.format";
    public static final String FORMAT = "miro-backbone-1";

    /**
     * A fine-tuned backbone file and whether an earlier run had made it.
     *
     * @param trainedHead the classifier head {weight [2 * C], bias [2]} when this run trained it,
     *     else null (then {@link #head()} reads it from the file)
     */
    public record Tuned(Path file, boolean reused, float[][] trainedHead) {

        /** @return the classifier head: {weight [2 * C], bias [2]} */
        float[][] head() throws IOException {
            return trainedHead != null ? trainedHead : MiroFineTuning.head(file);
        }
    }

    private MiroFineTuning() {
    }

    /** @return the fine-tuned backbone for this data, trained now or found from an earlier run */
    public static Tuned of(TrainingData data, MiroSettings settings, Progress progress) throws IOException {
        Backbone base = data.extractor().backbone();
        Path file = data.extractor().store().folder().getParent().resolve(FOLDER)
                .resolve(key(base, data, settings) + ".safetensors");
        if (Files.isRegularFile(file)) {
            progress.update(1, 1, "MIRO: reusing the fine-tuned backbone " + file.getFileName());
            return new Tuned(file, true, null);
        }
        Files.createDirectories(file.getParent());
        BackboneSpec spec = base.spec();
        Preprocessing preprocessing = base.preprocessing();
        try (NDManager root = DjlRuntime.newManager(base.device());
                TrainableNetwork network = TrainableNetwork.load(spec, root);
                TrainableNetwork oracle = TrainableNetwork.load(spec, root)) {
            MiroTrainer.Result result = new MiroTrainer(settings, preprocessing).train(network, oracle, data.train(),
                    data.validation(), data.seed(), progress);
            int channels = result.headWeight().length / MiroTrainer.CLASSES;
            Map<String, float[]> head = new LinkedHashMap<>();
            head.put(HEAD_WEIGHT, result.headWeight());
            head.put(HEAD_BIAS, result.headBias());
            Map<String, Shape> headShapes = Map.of(HEAD_WEIGHT, new Shape(MiroTrainer.CLASSES, channels), HEAD_BIAS,
                    new Shape(MiroTrainer.CLASSES));
            try {
                network.save(file, manifest(base, data, settings, result), head, headShapes, false);
            } catch (OutputExistsException e) {
                // Another run on the same data finished first: its file is the same fine-tuning.
                return new Tuned(file, true, null);
            }
            return new Tuned(file, false, new float[][] {result.headWeight(), result.headBias()});
        }
    }

    /** @return the classifier head stored in a fine-tuned file: {weight [2 * C], bias [2]} */
    static float[][] head(Path file) throws IOException {
        try (NDManager loading = DjlRuntime.newManager(ai.djl.Device.cpu())) {
            Weights w = Weights.read(file, loading);
            if (!w.has(HEAD_WEIGHT) || !w.has(HEAD_BIAS)) {
                throw new org.crossdefect.core.backbone.BackboneException("weights file " + file + " has no MIRO "
                        + "classifier head (" + HEAD_WEIGHT + "); it is not a MIRO fine-tuned backbone");
            }
            return new float[][] {w.floats(HEAD_WEIGHT), w.floats(HEAD_BIAS)};
        }
    }

    private static Map<String, String> manifest(Backbone base, TrainingData data, MiroSettings settings,
            MiroTrainer.Result result) {
        // Epochs without validation images have NaN accuracy: written as NaN, not refused.
        Gson gson = new com.google.gson.GsonBuilder().serializeSpecialFloatingPointValues().create();
        Map<String, String> m = new LinkedHashMap<>();
        m.put(FORMAT_KEY, FORMAT);
        m.put("base.architecture", base.architecture().id());
        m.put("base.weights", base.weightsSource());
        m.put("settings", gson.toJson(settings));
        m.put("seed", Long.toString(data.seed()));
        m.put("train.images", Integer.toString(data.train().size()));
        m.put("train.categories", String.join(",", data.train().stream().map(ImageRecord::category).distinct()
                .sorted().toList()));
        m.put("validation.images", Integer.toString(data.validation().size()));
        m.put("history", gson.toJson(result.history()));
        m.put("best.epoch", Integer.toString(result.bestEpoch()));
        m.put("steps", Long.toString(result.steps()));
        m.put("oracle.checksum", result.oracleAfter());
        return m;
    }

    /** @return 16 hex digits naming everything the fine-tuning depends on */
    static String key(Backbone base, TrainingData data, MiroSettings settings) {
        // The device is not part of it: a fine-tuning on the GPU serves a CPU run and back.
        StringBuilder b = new StringBuilder();
        b.append(FORMAT).append('|').append(base.architecture().id()).append('|').append(base.weightsSource())
                .append('|').append(settings).append("|seed=").append(data.seed());
        for (List<ImageRecord> part : List.of(data.train(), data.validation())) {
            b.append("|part");
            for (ImageRecord r : part) {
                // Path, size and time: an image replaced at the same path is a new fine-tuning.
                Path image = r.image().toAbsolutePath();
                b.append('|').append(image).append(':').append(r.label()).append(':').append(image.toFile().length())
                        .append(':').append(image.toFile().lastModified());
            }
        }
        return Sha256.hex(b.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
