package org.crossdefect.core.miro;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.crossdefect.core.backbone.TrainableNetwork;
import org.crossdefect.core.data.ImageFiles;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.error.UnsuitableDataException;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.progress.Progress;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Fine-tunes a backbone with MIRO (Cha et al. 2022) as an image classifier on the source
 * categories' training images: good = 0, defect = 1, class-balanced cross-entropy on a linear
 * head over the globally pooled last stage, plus lambda times the regulariser
 * ({@link MiroRegulariser}) over the stem and the stage outputs, against a frozen copy of the
 * pretrained network (the oracle). DJL's autograd computes the gradients and DJL's Adam applies
 * them, with the variance encoders in their own parameter group.
 *
 * <p>Batches interleave the source categories. Each step runs in its own scope, so native memory
 * does not grow with the steps; the next batch is decoded and augmented while the current one
 * trains. With source validation images, the epoch with the best balanced accuracy is kept.
 */
public final class MiroTrainer {

    /** Classes of the classifier: good, anomalous. */
    public static final int CLASSES = 2;

    /** One epoch's figures. */
    public record Epoch(int epoch, long steps, double loss, double classification, double regulariser,
            double validationAccuracy, double oracleDistance) {
    }

    /**
     * @param headWeight the classifier's weight [CLASSES, C], row-major
     * @param headBias its bias [CLASSES]
     * @param bestEpoch the epoch whose weights were kept
     * @param oracleBefore the oracle's checksum before training
     * @param oracleAfter and after (equal: the oracle is never updated)
     */
    public record Result(float[] headWeight, float[] headBias, List<Epoch> history, int bestEpoch, long steps,
            String oracleBefore, String oracleAfter) {
    }

    private final MiroSettings settings;
    private final Preprocessing preprocessing;
    private final Augmentation augmentation;
    private final boolean computesRegulariser;

    /** MIRO: the regulariser is computed at every step and weighted by lambda (0 included). */
    public MiroTrainer(MiroSettings settings, Preprocessing preprocessing) {
        this(settings, preprocessing, true);
    }

    private MiroTrainer(MiroSettings settings, Preprocessing preprocessing, boolean regularised) {
        this.settings = settings;
        this.preprocessing = preprocessing;
        this.augmentation = new Augmentation(preprocessing.resize(), preprocessing.crop(),
                preprocessing.normalization());
        this.computesRegulariser = regularised;
    }

    /**
     * Plain fine-tuning: the classification loss alone, no oracle and no variance encoders.
     * MIRO with lambda = 0 must train step for step like this (a test holds it to that).
     */
    static MiroTrainer plain(MiroSettings settings, Preprocessing preprocessing) {
        return new MiroTrainer(settings.withLambda(0), preprocessing, false);
    }

    /**
     * @return which stages the regulariser covers, "stem + every block" as MIRO's ResNets: the
     *     stem and every stage whose output resolution is the last at its size (ResNet: each layer;
     *     MobileNetV1: the last block at each resolution, its counterpart of a ResNet layer)
     */
    static List<Integer> regularisedStages(List<Shape> stageShapes) {
        List<Integer> chosen = new ArrayList<>();
        chosen.add(0);
        for (int i = 1; i < stageShapes.size(); i++) {
            boolean last = i == stageShapes.size() - 1;
            if (last || stageShapes.get(i).get(2) != stageShapes.get(i + 1).get(2)) {
                chosen.add(i);
            }
        }
        return chosen;
    }

    /**
     * Fine-tunes {@code network} in place.
     *
     * @param oracle the pretrained network, never updated (its checksum is in the result)
     * @param seed seeds the classifier's start, the batch order and the augmentation
     * @throws UnsuitableDataException if the training images lack good or defect images
     */
    public Result train(TrainableNetwork network, TrainableNetwork oracle, List<ImageRecord> train,
            List<ImageRecord> validation, long seed, Progress progress) throws IOException {
        long good = train.stream().filter(r -> r.label() == Label.GOOD).count();
        long defect = train.size() - good;
        if (good == 0 || defect == 0) {
            throw new UnsuitableDataException("MIRO learns to tell good from defect images of the source categories, "
                    + "but the training images hold " + good + " good and " + defect + " defect images; it needs both");
        }
        double[] classWeight = {(double) train.size() / (CLASSES * good), (double) train.size() / (CLASSES * defect)};
        SplittableRandom random = new SplittableRandom(seed);
        Session session = new Session(network, oracle, classWeight, random);
        String oracleBefore = oracle.checksum();
        List<Integer> regularised = session.regularised;
        NDArray headWeight = session.headWeight;
        NDArray headBias = session.headBias;

        List<Epoch> history = new ArrayList<>();
        Map<String, float[]> best = null;
        float[][] bestHead = null;
        int bestEpoch = 0;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        long step = 0;
        long stepsPerEpoch = (train.size() + settings.batchSize() - 1) / settings.batchSize();
        long totalSteps = settings.steps() > 0 ? Math.min(settings.steps(), stepsPerEpoch * settings.epochs())
                : stepsPerEpoch * settings.epochs();
        ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "miro-batches");
            t.setDaemon(true);
            return t;
        });
        try {
            SplittableRandom augmentRandom = random.split();
            for (int epoch = 1; epoch <= settings.epochs() && step < totalSteps; epoch++) {
                List<ImageRecord> order = interleaved(train, random);
                double[] sums = new double[4];
                Future<Batch> next = loader.submit(() -> augmented(order, 0, augmentRandom));
                for (int from = 0; from < order.size() && step < totalSteps; from += settings.batchSize()) {
                    progress.checkCancelled();
                    Batch batch = get(next);
                    int following = from + settings.batchSize();
                    if (following < order.size() && step + 1 < totalSteps) {
                        next = loader.submit(() -> augmented(order, following, augmentRandom));
                    }
                    double[] parts = session.step(batch);
                    if (!Double.isFinite(parts[0])) {
                        throw new IllegalStateException("MIRO's loss became " + parts[0] + " at step " + (step + 1)
                                + "; lower " + MiroSettings.LEARNING_RATE.key());
                    }
                    for (int k = 0; k < 3; k++) {
                        sums[k] += parts[k] * batch.size();
                    }
                    sums[3] += batch.size();
                    step++;
                    progress.update(step, totalSteps, "fine-tuning MIRO, epoch " + epoch + "/" + settings.epochs());
                }
                List<ImageRecord> check = validation.isEmpty() ? train.subList(0, Math.min(train.size(), 32))
                        : validation;
                double[] evaluation = evaluate(network, oracle, regularised, headWeight, headBias, check, progress);
                double accuracy = validation.isEmpty() ? Double.NaN : evaluation[0];
                history.add(new Epoch(epoch, step, sums[0] / sums[3], sums[1] / sums[3], sums[2] / sums[3], accuracy,
                        evaluation[1]));
                if (!validation.isEmpty() && accuracy > bestAccuracy) {
                    bestAccuracy = accuracy;
                    bestEpoch = epoch;
                    best = settings.epochs() > 1 ? network.snapshot() : null;
                    bestHead = new float[][] {headWeight.toFloatArray(), headBias.toFloatArray()};
                }
            }
        } finally {
            loader.shutdownNow();
        }
        float[] weight = headWeight.toFloatArray();
        float[] bias = headBias.toFloatArray();
        if (bestHead != null && bestEpoch != history.size()) {
            network.restore(best);
            weight = bestHead[0];
            bias = bestHead[1];
        } else {
            bestEpoch = history.size();
        }
        return new Result(weight, bias, history, bestEpoch, step, oracleBefore, oracle.checksum());
    }

    /**
     * Runs {@code steps} training steps on batches of random pixels, as {@link #train} runs them
     * (forward, backward, both Adam groups), for step-time and native-memory measurements.
     *
     * @param afterStep told the step number after each step (e.g. to sample memory)
     * @return each step's wall time in nanoseconds
     */
    public long[] timedSteps(TrainableNetwork network, TrainableNetwork oracle, int steps, long seed,
            java.util.function.LongConsumer afterStep) {
        SplittableRandom random = new SplittableRandom(seed);
        Session session = new Session(network, oracle, new double[] {1, 1}, random);
        int crop = preprocessing.crop();
        long[] nanos = new long[steps];
        for (int s = 0; s < steps; s++) {
            float[] pixels = new float[settings.batchSize() * 3 * crop * crop];
            int[] labels = new int[settings.batchSize()];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextDouble(-1, 1);
            }
            for (int i = 0; i < labels.length; i++) {
                labels[i] = i % CLASSES;
            }
            long start = System.nanoTime();
            session.step(new Batch(pixels, labels));
            nanos[s] = System.nanoTime() - start;
            afterStep.accept(s + 1);
        }
        return nanos;
    }

    /**
     * The gradients of one batch (the first {@code batchSize} training images, augmented with the
     * seed) before any update, by parameter name ("backbone.NAME", "head.weight", ...): what the
     * two training modes must agree on exactly where lambda is 0.
     */
    Map<String, float[]> gradientsOfOneBatch(TrainableNetwork network, TrainableNetwork oracle,
            List<ImageRecord> images, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Session session = new Session(network, oracle, new double[] {1, 1}, random);
        session.forwardBackward(augmented(images, 0, random.split()));
        Map<String, float[]> gradients = new LinkedHashMap<>();
        session.learned.forEach((name, array) -> {
            NDArray g = array.getGradient();
            gradients.put(name, g.toFloatArray());
            g.close();
        });
        return gradients;
    }

    /** The state of one fine-tuning: the head, the variance encoders and the two Adam groups. */
    private final class Session {
        final TrainableNetwork network;
        final TrainableNetwork oracle;
        final double[] classWeight;
        final List<Integer> regularised;
        final NDArray headWeight;
        final NDArray headBias;
        final List<NDArray> varianceBias = new ArrayList<>();
        final Map<String, NDArray> learned = new LinkedHashMap<>();
        final Map<String, NDArray> variance = new LinkedHashMap<>();
        final Optimizer adam;
        final Optimizer varianceAdam;
        /** Batches reach the network through one reused buffer, not a new direct buffer per step. */
        final org.crossdefect.core.runtime.UploadBuffer upload = new org.crossdefect.core.runtime.UploadBuffer();

        Session(TrainableNetwork network, TrainableNetwork oracle, double[] classWeight, SplittableRandom random) {
            this.network = network;
            this.oracle = oracle;
            this.classWeight = classWeight;
            oracle.freezeParameters(true);
            List<Shape> shapes = stageShapes(network, preprocessing.crop());
            this.regularised = regularisedStages(shapes);
            List<Integer> channels = shapes.stream().map(sh -> (int) sh.get(1)).toList();
            int last = channels.size() - 1;
            NDManager params = network.manager();
            this.headWeight = uniform(params, new Shape(CLASSES, channels.get(last)), channels.get(last), random);
            this.headBias = uniform(params, new Shape(CLASSES), channels.get(last), random);
            for (int s : regularised) {
                varianceBias.add(params.full(new Shape(1, channels.get(s), 1, 1), MiroRegulariser.initialBias()));
            }
            network.trainableParameters().forEach((name, p) -> learned.put("backbone." + name, p.getArray()));
            learned.put("head.weight", headWeight);
            learned.put("head.bias", headBias);
            for (int i = 0; i < varianceBias.size(); i++) {
                variance.put("variance." + i, varianceBias.get(i));
            }
            network.requireGradients();
            learned.values().forEach(a -> a.setRequiresGradient(true));
            if (computesRegulariser) {
                variance.values().forEach(a -> a.setRequiresGradient(true));
            }
            this.adam = Adam.builder().optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).build();
            this.varianceAdam = Adam.builder().optLearningRateTracker(
                    Tracker.fixed((float) (settings.learningRate() * settings.varianceLearningRateFactor()))).build();
        }

        /** One step: forward, backward, Adam; returns {loss, classification, regulariser}. */
        double[] step(Batch batch) {
            double[] parts = forwardBackward(batch);
            update(adam, learned);
            if (computesRegulariser) {
                update(varianceAdam, variance);
            }
            return parts;
        }

        private double[] forwardBackward(Batch batch) {
            try (NDManager scope = network.manager().newSubManager()) {
                int crop = preprocessing.crop();
                NDArray x = upload.upload(batch.pixels(), 0, new Shape(batch.size(), 3, crop, crop), scope);
                try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
                    NDList features = network.stages(x);
                    NDArray classification = classification(features.get(features.size() - 1), headWeight, headBias,
                            batch.labels(), classWeight, scope);
                    NDArray loss = classification;
                    NDArray regulariser = null;
                    if (computesRegulariser) {
                        NDList pretrained = oracle.stages(x);
                        for (int i = 0; i < regularised.size(); i++) {
                            int s = regularised.get(i);
                            NDArray term = MiroRegulariser.term(features.get(s), pretrained.get(s), varianceBias.get(i));
                            regulariser = regulariser == null ? term : regulariser.add(term);
                        }
                        loss = classification.add(regulariser.mul((float) settings.lambda()));
                    }
                    collector.backward(loss);
                    return new double[] {loss.getFloat(), classification.getFloat(),
                            regulariser == null ? 0 : regulariser.getFloat()};
                }
            }
        }
    }

    /** Class-balanced cross-entropy (PyTorch's weighted mean) of the head over the pooled map. */
    static NDArray classification(NDArray lastMap, NDArray headWeight, NDArray headBias, int[] labels,
            double[] classWeight, NDManager scope) {
        NDArray logits = logits(lastMap, headWeight, headBias);
        float[] target = new float[labels.length * CLASSES];
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            target[i * CLASSES + labels[i]] = (float) classWeight[labels[i]];
            total += classWeight[labels[i]];
        }
        NDArray weights = scope.create(target, new Shape(labels.length, CLASSES));
        return logits.logSoftmax(1).mul(weights).sum().neg().div((float) total);
    }

    /**
     * @return the classifier's logits [N, CLASSES] from the last stage's map [N, C, H, W]: the
     *     head reads the mean of the map's locally aware patch features (PatchCore's 3x3
     *     average, {@link org.crossdefect.core.embed.PatchEmbedder}) rather than of the raw map, so
     *     the classifier scores exactly from the patch embeddings of the last stage, and its
     *     per-patch logits (a class activation map) average to the image's logit
     */
    static NDArray logits(NDArray lastMap, NDArray headWeight, NDArray headBias) {
        Shape s = lastMap.getShape();
        NDArray local = ai.djl.nn.pooling.Pool.avgPool2d(lastMap, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1),
                false, true);
        // DJL's PyTorch mean takes one axis: pool over the flattened positions.
        NDArray transposed = headWeight.transpose();
        transposed.attach(lastMap.getManager()); // a view per call: freed with the batch's scope
        return local.reshape(s.get(0), s.get(1), -1).mean(new int[] {2}).matMul(transposed).add(headBias);
    }

    private static void update(Optimizer optimizer, Map<String, NDArray> parameters) {
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray weight = e.getValue();
            NDArray gradient = weight.getGradient();
            // DJL's fused Adam update also zeroes the gradient for the next step.
            optimizer.update(e.getKey(), weight, gradient);
            gradient.close(); // a handle of the gradient only; closing keeps handles from piling up
        }
    }

    /** @return {balanced accuracy, mean squared distance to the oracle over the regularised maps} */
    private double[] evaluate(TrainableNetwork network, TrainableNetwork oracle, List<Integer> regularised,
            NDArray headWeight, NDArray headBias, List<ImageRecord> images, Progress progress) throws IOException {
        int[] correct = new int[CLASSES];
        int[] seen = new int[CLASSES];
        double distance = 0;
        int crop = preprocessing.crop();
        org.crossdefect.core.runtime.UploadBuffer upload = new org.crossdefect.core.runtime.UploadBuffer();
        for (int from = 0; from < images.size(); from += settings.batchSize()) {
            progress.checkCancelled();
            List<ImageRecord> part = images.subList(from, Math.min(images.size(), from + settings.batchSize()));
            float[] pixels = new float[part.size() * 3 * crop * crop];
            for (int i = 0; i < part.size(); i++) {
                preprocessing.input(ImageFiles.readImage(part.get(i)), pixels, i * 3 * crop * crop);
            }
            try (NDManager scope = network.manager().newSubManager()) {
                NDArray x = upload.upload(pixels, 0, new Shape(part.size(), 3, crop, crop), scope);
                NDList f = network.stages(x);
                NDList o = oracle.stages(x);
                float[] p = logits(f.get(f.size() - 1), headWeight, headBias).toFloatArray();
                for (int i = 0; i < part.size(); i++) {
                    int label = part.get(i).label() == Label.GOOD ? 0 : 1;
                    int predicted = p[i * CLASSES + 1] > p[i * CLASSES] ? 1 : 0;
                    seen[label]++;
                    correct[label] += predicted == label ? 1 : 0;
                }
                double batchDistance = 0;
                for (int s : regularised) {
                    batchDistance += f.get(s).sub(o.get(s)).square().mean().getFloat();
                }
                distance += batchDistance / regularised.size() * part.size();
            }
        }
        double accuracy = 0;
        int present = 0;
        for (int c = 0; c < CLASSES; c++) {
            if (seen[c] > 0) {
                accuracy += (double) correct[c] / seen[c];
                present++;
            }
        }
        return new double[] {present == 0 ? Double.NaN : accuracy / present, distance / images.size()};
    }

    private record Batch(float[] pixels, int[] labels) {
        int size() {
            return labels.length;
        }
    }

    private Batch augmented(List<ImageRecord> order, int from, SplittableRandom random) throws IOException {
        List<ImageRecord> part = order.subList(from, Math.min(order.size(), from + settings.batchSize()));
        int crop = preprocessing.crop();
        float[] pixels = new float[part.size() * 3 * crop * crop];
        int[] labels = new int[part.size()];
        for (int i = 0; i < part.size(); i++) {
            BufferedImage image = ImageFiles.readImage(part.get(i));
            augmentation.apply(image, random, pixels, i * 3 * crop * crop);
            labels[i] = part.get(i).label() == Label.GOOD ? 0 : 1;
        }
        return new Batch(pixels, labels);
    }

    private static Batch get(Future<Batch> next) throws IOException {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading a MIRO batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    /** @return the images shuffled within each category, then taken from the categories in turn */
    static List<ImageRecord> interleaved(List<ImageRecord> images, SplittableRandom random) {
        Map<String, List<ImageRecord>> byCategory = new LinkedHashMap<>();
        for (ImageRecord r : images) {
            byCategory.computeIfAbsent(r.category(), c -> new ArrayList<>()).add(r);
        }
        List<List<ImageRecord>> queues = new ArrayList<>();
        for (List<ImageRecord> list : byCategory.values()) {
            List<ImageRecord> shuffled = new ArrayList<>(list);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
            }
            queues.add(shuffled);
        }
        List<ImageRecord> order = new ArrayList<>(images.size());
        int[] next = new int[queues.size()];
        while (order.size() < images.size()) {
            for (int q = 0; q < queues.size(); q++) {
                if (next[q] < queues.get(q).size()) {
                    order.add(queues.get(q).get(next[q]++));
                }
            }
        }
        return order;
    }

    /** @return every stage's output shape for one {@code crop x crop} image */
    public static List<Shape> stageShapes(TrainableNetwork network, int crop) {
        try (NDManager scope = network.manager().newSubManager()) {
            NDList maps = network.stages(scope.zeros(new Shape(1, 3, crop, crop)));
            List<Shape> shapes = new ArrayList<>();
            for (NDArray m : maps) {
                shapes.add(m.getShape());
            }
            return shapes;
        }
    }

    /** PyTorch's Linear start: uniform in +-1/sqrt(fan in), seeded. */
    private static NDArray uniform(NDManager manager, Shape shape, int fanIn, SplittableRandom random) {
        float[] v = new float[(int) shape.size()];
        double bound = 1 / Math.sqrt(fanIn);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextDouble(-bound, bound);
        }
        return manager.create(v, shape);
    }
}
