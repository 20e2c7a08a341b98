package org.crossdefect.core.semlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.error.UnsuitableDataException;
import org.crossdefect.core.eval.Auroc;
import org.crossdefect.core.model.ModelFileException;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.score.ImageScore;
import org.crossdefect.core.progress.CancelledException;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.workspace.MethodRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

/** SEMLP on random embeddings in memory: determinism, model files, bad input, early stopping. */
class SemlpModelTest {

    static final int DIM = 48;
    static final int GRID = 4;
    static final int PATCHES = GRID * GRID;
    static final ModelInfo INFO = new ModelInfo(SemlpMethod.ID, "test-backbone", "test", List.of("a", "b"), DIM,
            GRID, GRID);
    static final String[] TYPES = {"hole", "cut"};

    /**
     * Good patches are Gaussian around 0; the defect patches of a defect image (a 2x2 block whose
     * mask fraction is 0.5; its neighbours get 0.05 and are dropped) are shifted along a
     * direction per defect type.
     */
    static List<PatchEmbeddings> images(int good, int defect, long seed, List<String> types) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PatchEmbeddings> out = new ArrayList<>();
        for (int i = 0; i < good + defect; i++) {
            float[] v = new float[PATCHES * DIM];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) gaussian(random);
            }
            float[] fractions = null;
            String type = "good";
            if (i >= good) {
                int kind = i % TYPES.length;
                type = TYPES[kind];
                fractions = new float[PATCHES];
                Arrays.fill(fractions, 0.05f);
                int at = random.nextInt(GRID - 1);
                for (int p : new int[] {at * GRID + at, at * GRID + at + 1, (at + 1) * GRID + at, (at + 1) * GRID + at + 1}) {
                    fractions[p] = 0.5f;
                    for (int d = 0; d < 8; d++) {
                        v[p * DIM + kind * 8 + d] += 2.5f;
                    }
                }
            }
            types.add(type);
            out.add(new PatchEmbeddings("img" + i, PATCHES, DIM, v, fractions));
        }
        return out;
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static NDManager manager() throws Exception {
        return DjlRuntime.newManager(Device.cpu());
    }

    static final long SEED = 7;

    /** Small batches, 4 epochs, and any other settings as key, value, ... */
    static SemlpSettings settings(Object... more) {
        return SemlpSettings.from(Parameters.of("batch-size", 64, "epochs", 4).with(Parameters.of(more)));
    }

    static SemlpModel fit(List<PatchEmbeddings> train, List<String> types, SemlpSettings s) throws Exception {
        return fit(train, types, s, SEED);
    }

    static SemlpModel fit(List<PatchEmbeddings> train, List<String> types, SemlpSettings s, long seed)
            throws Exception {
        return SemlpModel.fit(INFO, PatchSource.of(train), s.typeHead() ? types : null, null, null, s, seed, manager(),
                Progress.NONE);
    }

    static AnomalyModel load(Path file) throws Exception {
        return MethodRegistry.builtIn().read(file, Device.cpu());
    }

    static float[] scores(AnomalyModel model, List<PatchEmbeddings> images) throws Exception {
        List<ImageScore> scores = model.score(PatchSource.of(images), Progress.NONE);
        float[] out = new float[scores.size() * (PATCHES + 1)];
        for (int i = 0; i < scores.size(); i++) {
            out[i * (PATCHES + 1)] = (float) scores.get(i).score();
            System.arraycopy(scores.get(i).patchScores(), 0, out, i * (PATCHES + 1) + 1, PATCHES);
        }
        return out;
    }

    @Test
    void learnsAndIsDeterministicForASeed() throws Exception {
        List<String> types = new ArrayList<>();
        List<PatchEmbeddings> train = images(40, 40, 1, types);
        List<PatchEmbeddings> test = images(20, 20, 2, new ArrayList<>());
        SemlpSettings s = settings("dropout", 0.2);
        try (SemlpModel a = fit(train, types, s); SemlpModel b = fit(train, types, s);
                SemlpModel c = fit(train, types, s, 8)) {
            assertEquals(DIM * 32 + 32 + 32 + 1, a.parameterCount());
            assertArrayEquals(a.weights(), b.weights(), "same seed, same weights (bitwise)");
            assertArrayEquals(scores(a, test), scores(b, test), "same seed, same scores (bitwise)");
            assertFalse(Arrays.equals(a.weights(), c.weights()), "another seed, other weights");
            List<ImageScore> scores = a.score(PatchSource.of(test), Progress.NONE);
            float[] image = new float[scores.size()];
            boolean[] anomalous = new boolean[scores.size()];
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) scores.get(i).score();
                anomalous[i] = i >= 20;
            }
            double auroc = Auroc.of(image, anomalous);
            assertTrue(auroc >= 0.95, "AUROC " + auroc);
            assertTrue(a.history().get(3).trainLoss() < a.history().get(0).trainLoss(), a.history().toString());
        }
    }

    @Test
    void paperSizedMlpHas49kParameters() throws Exception {
        List<PatchEmbeddings> train = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            float[] v = new float[PATCHES * 1536];
            float[] fractions = i == 0 ? null : filled(0.5f);
            train.add(new PatchEmbeddings("k" + i, PATCHES, 1536, v, fractions));
        }
        ModelInfo info = new ModelInfo(SemlpMethod.ID, "b", "a", List.of("x"), 1536, GRID, GRID);
        try (SemlpModel m = SemlpModel.fit(info, PatchSource.of(train), null, null, null,
                SemlpSettings.paper(), SEED, manager(), Progress.NONE)) {
            assertEquals(49_217, m.parameterCount());
        }
    }

    static float[] filled(float value) {
        float[] f = new float[PATCHES];
        Arrays.fill(f, value);
        return f;
    }

    @Test
    void modelFileRoundTripAndCorruption(@TempDir Path dir) throws Exception {
        List<String> types = new ArrayList<>();
        List<PatchEmbeddings> train = images(20, 20, 3, types);
        for (boolean typeHead : new boolean[] {false, true}) {
            Path file = dir.resolve("semlp-" + typeHead + ".cdm");
            try (SemlpModel model = fit(train, types, settings("type-head", typeHead))) {
                model.save(file);
                try (AnomalyModel loaded = load(file)) {
                    assertEquals(model.info(), loaded.info());
                    assertEquals(model.classes(), ((SemlpModel) loaded).classes());
                    assertArrayEquals(model.weights(), ((SemlpModel) loaded).weights());
                    assertArrayEquals(scores(model, train), scores(loaded, train));
                    List<ImageScore> a = model.score(PatchSource.of(train), Progress.NONE);
                    List<ImageScore> b = loaded.score(PatchSource.of(train), Progress.NONE);
                    for (int i = 0; i < a.size(); i++) {
                        assertEquals(a.get(i).defectType(), b.get(i).defectType());
                        assertEquals(a.get(i).anomalous(), b.get(i).anomalous());
                    }
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x5A;
            Path corrupt = dir.resolve("corrupt-" + typeHead + ".cdm");
            Files.write(corrupt, bytes);
            assertThrows(ModelFileException.class, () -> load(corrupt).close());
            // A copy cut off half way (an interrupted transfer) names the file and the fix.
            Path truncated = dir.resolve("truncated-" + typeHead + ".cdm");
            Files.write(truncated, Arrays.copyOf(Files.readAllBytes(file), bytes.length / 2));
            ModelFileException cut = assertThrows(ModelFileException.class, () -> load(truncated).close());
            assertTrue(cut.getMessage().contains(truncated.toString()) && cut.getMessage().contains("train the model "
                    + "again or copy an intact file"), cut.getMessage());
        }
    }

    @Test
    void typeHeadNamesTheDefectType() throws Exception {
        List<String> types = new ArrayList<>();
        List<PatchEmbeddings> train = images(40, 40, 4, types);
        List<String> testTypes = new ArrayList<>();
        List<PatchEmbeddings> test = images(10, 30, 5, testTypes);
        try (SemlpModel model = fit(train, types, settings("type-head", true))) {
            assertEquals(List.of("good", "cut", "hole"), model.classes());
            List<ImageScore> scores = model.score(PatchSource.of(test), Progress.NONE);
            int right = 0;
            for (int i = 10; i < test.size(); i++) {
                right += scores.get(i).defectType().equals(testTypes.get(i)) ? 1 : 0;
            }
            assertTrue(right >= 27, right + "/30 types right");
        }
    }

    @Test
    void badInputFailsBeforeTraining() throws Exception {
        List<String> types = new ArrayList<>();
        List<PatchEmbeddings> train = images(10, 10, 6, types);
        int[] steps = {0};
        Progress counting = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                if (message.startsWith("training")) {
                    steps[0]++;
                }
            }

            @Override
            public boolean cancelRequested() {
                return false;
            }
        };
        // Only good images.
        UnsuitableDataException noAnomaly = assertThrows(UnsuitableDataException.class, () -> SemlpModel.fit(INFO,
                PatchSource.of(train.subList(0, 10)), null, null, null, settings(), SEED, manager(), counting));
        assertTrue(noAnomaly.getMessage().contains("0 anomalous patches"), noAnomaly.getMessage());
        assertTrue(noAnomaly.getMessage().contains("Add defect images with masks"), noAnomaly.getMessage());
        // Defect images whose masks cover no patch enough: every patch dropped.
        List<PatchEmbeddings> faint = new ArrayList<>(train.subList(0, 10));
        for (PatchEmbeddings e : train.subList(10, 20)) {
            faint.add(new PatchEmbeddings(e.key(), PATCHES, DIM, e.values(), filled(0.05f)));
        }
        UnsuitableDataException dropped = assertThrows(UnsuitableDataException.class, () -> SemlpModel.fit(INFO,
                PatchSource.of(faint), null, null, null, settings(), SEED, manager(), counting));
        assertTrue(dropped.getMessage().contains("160 good and 0 anomalous patches"), dropped.getMessage());
        // Only defect images.
        UnsuitableDataException noGood = assertThrows(UnsuitableDataException.class, () -> SemlpModel.fit(INFO,
                PatchSource.of(train.subList(10, 20)), null, null, null, settings(), SEED, manager(), counting));
        assertTrue(noGood.getMessage().contains("0 good and 40 anomalous patches"), noGood.getMessage());
        assertTrue(noGood.getMessage().contains("Add good images"), noGood.getMessage());
        // Types that do not fit the images.
        assertThrows(IllegalArgumentException.class, () -> SemlpModel.fit(INFO, PatchSource.of(train),
                types.subList(0, 5), null, null, settings("type-head", true), SEED, manager(), counting));
        assertEquals(0, steps[0], "no training step ran");
    }

    @Test
    void validationLossAndEarlyStoppingKeepTheBestEpoch() throws Exception {
        List<String> types = new ArrayList<>();
        List<PatchEmbeddings> train = images(10, 10, 9, types);
        List<PatchEmbeddings> validation = images(10, 10, 10, new ArrayList<>());
        SemlpSettings s = settings("epochs", 60, "learning-rate", 1e-2, "patience", 2);
        try (SemlpModel model = SemlpModel.fit(INFO, PatchSource.of(train), null, PatchSource.of(validation), null, s,
                SEED, manager(), Progress.NONE)) {
            List<SemlpModel.Epoch> history = model.history();
            assertTrue(history.stream().allMatch(e -> Double.isFinite(e.validationLoss())), history.toString());
            assertTrue(history.size() < 60, "stopped early: " + history.size() + " epochs");
            double best = history.stream().mapToDouble(SemlpModel.Epoch::validationLoss).min().orElseThrow();
            // The weights are those of the best epoch: its validation loss is reproduced.
            int bestEpoch = history.stream().filter(e -> e.validationLoss() == best).findFirst().orElseThrow().epoch();
            assertEquals(history.size() - s.patience(), bestEpoch, history.toString());
        }
    }

    @Test
    void cancelStopsTraining() throws Exception {
        List<String> types = new ArrayList<>();
        List<PatchEmbeddings> train = images(10, 10, 11, types);
        int[] updates = {0};
        Progress cancelSoon = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                updates[0]++;
            }

            @Override
            public boolean cancelRequested() {
                return updates[0] > 22;
            }
        };
        assertThrows(CancelledException.class, () -> SemlpModel.fit(INFO, PatchSource.of(train), null, null, null,
                settings(), SEED, manager(), cancelSoon));
    }
}
