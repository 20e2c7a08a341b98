package org.crossdefect.core.semlp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.error.IncompatibleException;
import org.crossdefect.core.error.UnsuitableDataException;
import org.crossdefect.core.model.ModelFileException;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelFileException;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.score.ImageScore;
import org.crossdefect.core.progress.Progress;

import ai.djl.ndarray.NDManager;

/**
 * Spatial Embedding MLP (the paper's Section 3.3): a small MLP classifies every patch embedding
 * as good or anomalous, trained on patches of good images and the defect patches of defect
 * images ({@link PatchLabels}).
 *
 * <p>Prediction: per patch the probability that it is anomalous (sigmoid of the logit; with a
 * type head 1 - softmax probability of "good"); the image score is the largest patch
 * probability, the patch probabilities are the anomaly map, and the image is anomalous when its
 * score is at least 0.5. With a type head the predicted defect type is the most probable defect
 * type of the highest-scoring patch (the one that gives the image score): it is always a defect
 * type (what the defect would be), and {@link ImageScore#anomalous()} says whether there is one.
 * Measured on the synthetic hole + cut + color transfer (targets disc, tiles, wood, fabric) this
 * rule was right for 18/18 defect images on each target, while summing type probabilities over
 * all patches with P(not good) >= 0.5 fell to 6/18 (tiles) and 12/18 (disc): weakly anomalous
 * patches of the unseen texture (tile seams look like cuts) outvote the defect itself.
 */
public final class SemlpModel implements AnomalyModel {

    static final int SCORE_BATCH_IMAGES = 16;

    /** Losses of one epoch; validation is NaN without a validation source. */
    public record Epoch(int epoch, double trainLoss, double validationLoss) {
    }

    private final ModelInfo info;
    private final SemlpSettings settings;
    private final long seed;
    private final List<String> classes;
    private final SemlpNetwork network;
    private final List<Epoch> history;
    private final NDManager manager;

    private SemlpModel(ModelInfo info, SemlpSettings settings, long seed, List<String> classes, SemlpNetwork network,
            List<Epoch> history, NDManager manager) {
        this.info = info;
        this.settings = settings;
        this.seed = seed;
        this.classes = List.copyOf(classes);
        this.network = network;
        this.history = List.copyOf(history);
        this.manager = manager;
    }

    /**
     * Trains a SEMLP. Labels are counted first, so bad input fails before any training step.
     *
     * @param train good images and defect images with mask fractions
     * @param trainTypes per training image its defect type ("good" for good images), for a type
     *     head; null for a binary model (settings.typeHead() must then be false)
     * @param validation images for the per-epoch validation loss (and early stopping), or null
     * @param validationTypes their types, for a type head
     * @param seed seeds initialisation, shuffling and dropout
     * @param manager owns the model's native memory; closed with the model, or at once when
     *     fitting fails or is cancelled
     * @throws UnsuitableDataException if there is no good or no anomalous training patch
     * @throws IllegalArgumentException if types are missing or do not fit
     */
    public static SemlpModel fit(ModelInfo info, PatchSource train, List<String> trainTypes, PatchSource validation,
            List<String> validationTypes, SemlpSettings settings, long seed, NDManager manager, Progress progress)
            throws IOException {
        try {
            return fitOrThrow(info, train, trainTypes, validation, validationTypes, settings, seed, manager, progress);
        } catch (IOException | RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    private static SemlpModel fitOrThrow(ModelInfo info, PatchSource train, List<String> trainTypes,
            PatchSource validation, List<String> validationTypes, SemlpSettings settings, long seed,
            NDManager manager, Progress progress) throws IOException {
        if (settings.typeHead() && trainTypes == null) {
            throw new IllegalArgumentException("a SEMLP type head needs the training images' defect types");
        }
        if (train.images() == 0) {
            throw new UnsuitableDataException(
                    "no training image: SEMLP needs good images and defect images with masks");
        }
        if (train.dim() != info.dim()) {
            throw new IllegalArgumentException("training embeddings have dimension " + train.dim() + " but the model "
                    + "info says " + info.dim());
        }
        PatchLabels labels = settings.typeHead() ? PatchLabels.typed(settings.labels(), trainTypes)
                : PatchLabels.binary(settings.labels());
        long[] counts = labels.count(train, progress);
        PatchLabels validationLabels = null;
        if (validation != null && validation.images() > 0) {
            if (validation.dim() != train.dim()) {
                throw new IllegalArgumentException("validation embeddings have dimension " + validation.dim()
                        + ", training " + train.dim());
            }
            if (settings.typeHead()) {
                if (validationTypes == null) {
                    throw new IllegalArgumentException("a SEMLP type head needs the validation images' defect types");
                }
                if (validationTypes.size() != validation.images()) {
                    throw new IllegalArgumentException(validationTypes.size() + " defect types for "
                            + validation.images() + " validation images; give one per image, in order");
                }
                validationLabels = PatchLabels.typed(settings.labels(), validationTypes, labels.classes());
            } else {
                validationLabels = PatchLabels.binary(settings.labels());
            }
        }
        int outputs = settings.typeHead() ? labels.classes().size() : 1;
        SemlpTrainer trainer = new SemlpTrainer(settings, counts, outputs, manager);
        SplittableRandom random = new SplittableRandom(seed);
        SemlpNetwork network = SemlpNetwork.init(train.dim(), settings.hidden(), outputs, random.split());
        List<Epoch> history = new ArrayList<>();
        SemlpNetwork trained = trainer.train(network, train, labels, validation, validationLabels, random, history,
                progress);
        List<String> classes = settings.typeHead() ? labels.classes() : List.of();
        return new SemlpModel(info, settings, seed, classes, trained, history, manager);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    public SemlpSettings settings() {
        return settings;
    }

    /** @return "good" and the defect types of a type-head model, in output order; empty for a binary model */
    public List<String> classes() {
        return classes;
    }

    /**
     * @return the losses of each epoch trained; a model read from a file knows only how many
     *     epochs it trained (losses NaN)
     */
    public List<Epoch> history() {
        return history;
    }

    /** @return every weight, in the order w1 (D x H), b1, w2 (H x K), b2 (for tests and comparison) */
    public float[] weights() {
        float[] all = new float[network.parameterCount()];
        int at = 0;
        for (float[] p : network.parameters()) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    public int parameterCount() {
        return network.parameterCount();
    }

    @Override
    public List<ImageScore> score(PatchSource images, Progress progress) throws IOException {
        if (images.images() > 0 && images.dim() != network.dim) {
            throw new IncompatibleException("embeddings have dimension " + images.dim() + " but the SEMLP was "
                    + "trained on " + network.dim + "; embed with the model's backbone " + info.backboneId());
        }
        List<ImageScore> scores = new ArrayList<>(images.images());
        int p = images.patches();
        int dim = network.dim;
        int k = network.outputs;
        for (int from = 0; from < images.images(); from += SCORE_BATCH_IMAGES) {
            progress.checkCancelled();
            int to = Math.min(images.images(), from + SCORE_BATCH_IMAGES);
            float[] x = new float[(to - from) * p * dim];
            for (int i = from; i < to; i++) {
                PatchEmbeddings e = images.image(i);
                System.arraycopy(e.values(), 0, x, (i - from) * p * dim, p * dim);
            }
            float[] logits = network.logits(manager, x, (to - from) * p);
            for (int b = 0; b < to - from; b++) {
                scores.add(imageScore(logits, b * p, p, k));
            }
            progress.update(to, images.images(), "scoring images");
        }
        return scores;
    }

    private ImageScore imageScore(float[] logits, int first, int patches, int k) {
        float[] patchScores = new float[patches];
        int argMax = 0;
        if (k == 1) {
            for (int q = 0; q < patches; q++) {
                patchScores[q] = (float) sigmoid(logits[first + q]);
                if (patchScores[q] > patchScores[argMax]) {
                    argMax = q;
                }
            }
            double score = patchScores[argMax];
            return new ImageScore(score, patchScores, info.gridHeight(), info.gridWidth(), score >= 0.5, null);
        }
        double[] probabilities = new double[k];
        for (int q = 0; q < patches; q++) {
            softmax(logits, (first + q) * k, k, probabilities);
            double notGood = 0;
            for (int c = 1; c < k; c++) {
                notGood += probabilities[c];
            }
            patchScores[q] = (float) notGood;
            if (patchScores[q] > patchScores[argMax]) {
                argMax = q;
            }
        }
        softmax(logits, (first + argMax) * k, k, probabilities);
        int best = 1;
        for (int c = 2; c < k; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        double score = patchScores[argMax];
        return new ImageScore(score, patchScores, info.gridHeight(), info.gridWidth(), score >= 0.5,
                classes.get(best));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    static void softmax(float[] logits, int offset, int k, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, logits[offset + c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            out[c] = Math.exp(logits[offset + c] - max);
            sum += out[c];
        }
        for (int c = 0; c < k; c++) {
            out[c] /= sum;
        }
    }

    /**
     * What model.json holds.
     *
     * @param classes "good" and the defect types of a type head, in output order; empty for one output
     * @param leakySlope the hidden layer's leaky ReLU slope (recorded so a change is detected)
     * @param layout how the weight entries are laid out
     */
    private record Stored(ModelInfo info, SemlpSettings settings, long seed, int outputs, List<String> classes,
            int epochsTrained, float leakySlope, String layout) {
    }

    @Override
    public void write(OutputStream out) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("layer1.weight.f32", ModelFile.floats(network.w1));
        entries.put("layer1.bias.f32", ModelFile.floats(network.b1));
        entries.put("layer2.weight.f32", ModelFile.floats(network.w2));
        entries.put("layer2.bias.f32", ModelFile.floats(network.b2));
        ModelFile.write(out, info.method(), new Stored(info, settings, seed, network.outputs, classes, history.size(),
                SemlpSettings.LEAKY_SLOPE, "w1 [dim, hidden], w2 [hidden, outputs], row-major float32"), entries);
    }

    /** Reads a model file of a SEMLP (for {@link SemlpMethod}). */
    public static SemlpModel read(ModelFile.Contents c, NDManager manager) {
        Stored s = c.json(Stored.class);
        List<String> classes = s.classes() == null ? List.of() : s.classes();
        if (s.settings().typeHead() ? classes.size() != s.outputs() : s.outputs() != 1) {
            throw new ModelFileException("SEMLP model file " + c.source() + " has " + s.outputs() + " outputs for "
                    + "types " + classes + "; train the model again or copy an intact file");
        }
        List<Epoch> history = new ArrayList<>();
        for (int e = 1; e <= s.epochsTrained(); e++) {
            history.add(new Epoch(e, Double.NaN, Double.NaN));
        }
        SemlpNetwork network = new SemlpNetwork(s.info().dim(), s.settings().hidden(), s.outputs(),
                ModelFile.floats(c.entry("layer1.weight.f32")), ModelFile.floats(c.entry("layer1.bias.f32")),
                ModelFile.floats(c.entry("layer2.weight.f32")), ModelFile.floats(c.entry("layer2.bias.f32")));
        return new SemlpModel(s.info(), s.settings(), s.seed(), classes, network, history, manager);
    }

    @Override
    public void close() {
        manager.close();
    }
}
