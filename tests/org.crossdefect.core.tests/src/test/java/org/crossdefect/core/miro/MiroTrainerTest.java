package org.crossdefect.core.miro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.backbone.TrainableNetwork;
import org.crossdefect.core.data.DatasetMapping;
import org.crossdefect.core.data.DatasetMappings;
import org.crossdefect.core.data.DomainSplit;
import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.data.MvtecTree;
import org.crossdefect.core.data.Role;
import org.crossdefect.core.error.UnsuitableDataException;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.progress.CancelledException;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * MIRO's regulariser and training loop: the loss against hand-computed values and finite
 * differences, lambda = 0 against plain fine-tuning step for step, the oracle never touched,
 * the same seed the same network.
 */
class MiroTrainerTest {

    @TempDir
    static Path dir;

    static final BackboneSpec MOBILENET = BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu")
            .withWeights(SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors"));
    static final Preprocessing PREPROCESSING = new Preprocessing(Backbone.RESIZE, Backbone.CROP,
            Architecture.MOBILENET_V1.normalization());
    static List<ImageRecord> train;
    static List<ImageRecord> validation;

    @BeforeAll
    static void tree() throws Exception {
        Path root = dir.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 3, 2, 2, 5), root, false, Progress.NONE);
        DatasetMapping holes = DatasetMappings.read(root.resolve("hole.csv"));
        DomainSplit split = DomainSplitter.split("hole", MvtecTree.open(root).datasetImages(holes), "wood", 0, 0.5);
        train = split.images(Role.TRAIN);
        validation = split.images(Role.VALIDATION);
    }

    @Test
    void theRegulariserEqualsHandComputedValues() {
        float[] f = {0.5f, -1f, 2f, 0f};
        float[] o = {0f, -0.5f, 1f, 1f};
        float[] b = {MiroRegulariser.initialBias(), 0.3f};
        try (NDManager m = DjlRuntime.newManager(Device.cpu())) {
            NDArray bias = m.create(b, new Shape(1, 2, 1, 1));
            assertEquals(0.1, MiroRegulariser.variance(bias, m).toFloatArray()[0], 1e-6, "starts at variance 0.1");
            double got = MiroRegulariser.term(m.create(f, new Shape(1, 2, 1, 2)), m.create(o, new Shape(1, 2, 1, 2)),
                    bias).getFloat();
            double expected = 0;
            for (int i = 0; i < 4; i++) {
                double var = Math.log1p(Math.exp(b[i / 2])) + 1e-5;
                expected += ((f[i] - o[i]) * (f[i] - o[i]) / var + Math.log(var)) / 2;
            }
            assertEquals(expected / 4, got, 1e-5);
        }
    }

    @Test
    void theRegulariserGradientMatchesFiniteDifferences() {
        float[] f = {0.5f, -1f, 2f, 0f, 0.25f, 0.75f};
        float[] o = {0f, -0.5f, 1f, 1f, 0.5f, -0.25f};
        float[] b = {-2f, 0.3f, -1f};
        try (NDManager m = DjlRuntime.newManager(Device.cpu())) {
            NDArray features = m.create(f, new Shape(1, 3, 1, 2));
            NDArray bias = m.create(b, new Shape(1, 3, 1, 1));
            features.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            try (GradientCollector collector = m.getEngine().newGradientCollector()) {
                collector.backward(MiroRegulariser.term(features, m.create(o, new Shape(1, 3, 1, 2)), bias));
            }
            float[] dBias = bias.getGradient().toFloatArray();
            float[] dFeatures = features.getGradient().toFloatArray();
            double h = 1e-3;
            for (int c = 0; c < 3; c++) {
                double numeric = (hand(f, o, b, -1, c, h) - hand(f, o, b, -1, c, -h)) / (2 * h);
                assertEquals(numeric, dBias[c], 1e-4, "d/d bias " + c);
            }
            for (int i = 0; i < 6; i++) {
                double numeric = (hand(f, o, b, i, -1, h) - hand(f, o, b, i, -1, -h)) / (2 * h);
                assertEquals(numeric, dFeatures[i], 1e-4, "d/d feature " + i);
            }
        }
    }

    /** The regulariser in double precision with one feature or one bias moved by {@code h}. */
    private static double hand(float[] f, float[] o, float[] b, int feature, int biasIndex, double h) {
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            int c = i / 2;
            double bc = b[c] + (c == biasIndex ? h : 0);
            double fi = f[i] + (i == feature ? h : 0);
            double var = Math.log1p(Math.exp(bc)) + 1e-5;
            sum += ((fi - o[i]) * (fi - o[i]) / var + Math.log(var)) / 2;
        }
        return sum / f.length;
    }

    @Test
    void lambdaZeroTrainsStepForStepLikePlainFineTuningAndTheOracleIsNeverTouched() throws Exception {
        MiroSettings settings = MiroSettings.defaults().withLambda(0).withSteps(2);
        try (NDManager root = DjlRuntime.newManager(Device.cpu());
                TrainableNetwork miro = TrainableNetwork.load(MOBILENET, root);
                TrainableNetwork plain = TrainableNetwork.load(MOBILENET, root);
                TrainableNetwork oracle = TrainableNetwork.load(MOBILENET, root)) {
            String pretrained = oracle.checksum();
            MiroTrainer.Result a = new MiroTrainer(settings, PREPROCESSING).train(miro, oracle, train, validation, 3,
                    Progress.NONE);
            MiroTrainer.Result b = MiroTrainer.plain(settings, PREPROCESSING).train(plain, oracle, train, validation, 3,
                    Progress.NONE);
            assertEquals(2, a.steps());
            assertNotEquals(pretrained, miro.checksum(), "fine-tuning moved the network");
            assertEquals(pretrained, a.oracleBefore());
            assertEquals(pretrained, a.oracleAfter(), "the oracle is frozen");
            assertEquals(pretrained, oracle.checksum());
            assertNotEquals(0.0, a.history().get(0).regulariser(), "lambda 0 still computes the regulariser");
            // Adam turns the sign of a near-zero gradient into a step of lr, so float noise in the
            // convolutions' backward pass may move a weight by up to 2 lr per step: the parameters
            // must agree to that, and the gradients themselves exactly up to rounding.
            Map<String, float[]> x = miro.snapshot();
            Map<String, float[]> y = plain.snapshot();
            float bound = (float) (2 * settings.learningRate() * a.steps() + 1e-6);
            for (String name : x.keySet()) {
                assertArrayEquals(y.get(name), x.get(name), bound, name);
            }
            assertArrayEquals(b.headWeight(), a.headWeight(), bound);
        }
        try (NDManager root = DjlRuntime.newManager(Device.cpu());
                TrainableNetwork miro = TrainableNetwork.load(MOBILENET, root);
                TrainableNetwork plain = TrainableNetwork.load(MOBILENET, root);
                TrainableNetwork oracle = TrainableNetwork.load(MOBILENET, root)) {
            MiroSettings zero = MiroSettings.defaults().withLambda(0);
            Map<String, float[]> g = new MiroTrainer(zero, PREPROCESSING).gradientsOfOneBatch(miro, oracle, train,
                    5);
            Map<String, float[]> h = MiroTrainer.plain(zero, PREPROCESSING).gradientsOfOneBatch(plain, oracle,
                    train, 5);
            assertEquals(h.keySet(), g.keySet());
            for (String name : g.keySet()) {
                float scale = 0;
                for (float v : h.get(name)) {
                    scale = Math.max(scale, Math.abs(v));
                }
                assertArrayEquals(h.get(name), g.get(name), 1e-5f * scale + 1e-12f, "gradient of " + name);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameNetworkAndTheRegulariserKeepsFeaturesNearTheOracle() throws Exception {
        MiroSettings settings = MiroSettings.defaults().withSteps(3).withLambda(10);
        try (NDManager root = DjlRuntime.newManager(Device.cpu());
                TrainableNetwork first = TrainableNetwork.load(MOBILENET, root);
                TrainableNetwork second = TrainableNetwork.load(MOBILENET, root);
                TrainableNetwork free = TrainableNetwork.load(MOBILENET, root);
                TrainableNetwork oracle = TrainableNetwork.load(MOBILENET, root)) {
            MiroSettings fast = new MiroSettings(1, 8, 1e-3, 10, 10, 3);
            MiroTrainer.Result a = new MiroTrainer(fast, PREPROCESSING).train(first, oracle, train, validation, 9,
                    Progress.NONE);
            new MiroTrainer(fast, PREPROCESSING).train(second, oracle, train, validation, 9, Progress.NONE);
            assertEquals(first.checksum(), second.checksum(), "bitwise the same for a seed on CPU");
            MiroTrainer.Result unregularised = new MiroTrainer(fast.withLambda(0), PREPROCESSING).train(free, oracle,
                    train, validation, 9, Progress.NONE);
            double near = a.history().get(0).oracleDistance();
            double far = unregularised.history().get(0).oracleDistance();
            assertTrue(near < far, "lambda 10 keeps the features nearer the oracle: " + near + " vs " + far);
        }
    }

    /** Every array a step makes is freed with the step: none piles up on the network's manager. */
    @Test
    void stepsLeaveNoArrayBehind() throws Exception {
        try (NDManager root = DjlRuntime.newManager(Device.cpu());
                TrainableNetwork net = TrainableNetwork.load(MOBILENET, root);
                TrainableNetwork oracle = TrainableNetwork.load(MOBILENET, root)) {
            int[] arrays = new int[7];
            new MiroTrainer(new MiroSettings(1, 2, 1e-4, 10, 0.1, 0), PREPROCESSING).timedSteps(net, oracle, 6, 0,
                    step -> arrays[(int) step] = net.manager().getManagedArrays().size());
            assertEquals(arrays[2], arrays[6], "arrays on the network's manager after step 2 and after step 6");
        }
    }

    @Test
    void aTrainingSetWithoutDefectImagesIsRefusedAndCancelStopsWithinABatch() throws Exception {
        List<ImageRecord> good = train.stream().filter(r -> r.label() == Label.GOOD).toList();
        try (NDManager root = DjlRuntime.newManager(Device.cpu());
                TrainableNetwork net = TrainableNetwork.load(MOBILENET, root);
                TrainableNetwork oracle = TrainableNetwork.load(MOBILENET, root)) {
            UnsuitableDataException e = assertThrows(UnsuitableDataException.class, () -> new MiroTrainer(
                    MiroSettings.defaults(), PREPROCESSING).train(net, oracle, good, validation, 1, Progress.NONE));
            assertTrue(e.getMessage().contains("0 defect images"), e.getMessage());
            int[] updates = {0};
            Progress cancelAfterOne = new Progress() {
                @Override
                public void update(long done, long total, String message) {
                    updates[0]++;
                }

                @Override
                public boolean cancelRequested() {
                    return updates[0] >= 1;
                }
            };
            assertThrows(CancelledException.class, () -> new MiroTrainer(MiroSettings.defaults(), PREPROCESSING)
                    .train(net, oracle, train, validation, 1, cancelAfterOne));
            assertEquals(1, updates[0], "stopped before the second step");
        }
    }
}
