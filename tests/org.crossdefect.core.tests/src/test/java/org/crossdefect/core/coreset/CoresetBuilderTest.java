package org.crossdefect.core.coreset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.nn.NearestNeighbours;
import org.crossdefect.core.progress.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

class CoresetBuilderTest {

    static PatchSource source;

    /** 30 "images" of 100 patches in 64 dimensions, drawn around 40 cluster centres of varied spread. */
    @BeforeAll
    static void data() {
        Random random = new Random(7);
        int d = 64;
        float[][] centres = new float[40][d];
        for (float[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = (float) (random.nextGaussian() * 4);
            }
        }
        List<PatchEmbeddings> images = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            float[] v = new float[100 * d];
            for (int p = 0; p < 100; p++) {
                int c = random.nextInt(random.nextInt(40) + 1);
                double spread = 0.3 + c * 0.02;
                for (int j = 0; j < d; j++) {
                    v[p * d + j] = (float) (centres[c][j] + random.nextGaussian() * spread);
                }
            }
            images.add(new PatchEmbeddings("img" + i, 100, d, v, null));
        }
        source = PatchSource.of(images);
    }

    @Test
    void greedyCoversFarBetterThanRandomAndOnlineIsCloseToBulk() throws Exception {
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            double bulk = radius(build(CoresetMode.BULK, 0.05, manager), manager);
            double online = radius(build(CoresetMode.ONLINE, 0.05, manager), manager);
            double batch = radius(build(CoresetMode.BATCH, 0.05, manager), manager);
            double random = radius(randomBank(150, 3), manager);
            System.out.printf("covering radius at r=0.05: bulk %.3f online %.3f batch %.3f random %.3f%n", bulk,
                    online, batch, random);
            assertTrue(bulk < 0.7 * random, "bulk " + bulk + " vs random " + random);
            assertTrue(online < 0.8 * random, "online " + online + " vs random " + random);
            assertTrue(batch < 0.8 * random, "batch " + batch + " vs random " + random);
            assertTrue(online < 1.3 * bulk, "online " + online + " vs bulk " + bulk);
        }
    }

    @Test
    void sizesFollowTheRatioPerImageAndTheMinimum() throws Exception {
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            assertEquals(150, build(CoresetMode.BULK, 0.05, manager).size(), "ceil(3000 * 0.05)");
            assertEquals(30 * 5, build(CoresetMode.ONLINE, 0.05, manager).size(), "ceil(100 * 0.05) per image");
            assertEquals(3 * 40 + 30, build(CoresetMode.BATCH, 0.05, manager).size(),
                    "ceil(800 * 0.05) per batch of 8 images, ceil(600 * 0.05) for the last");
            CoresetSettings min = CoresetSettings.of(CoresetMode.ONLINE, 0.01, 1).withMinimumSize(1000);
            assertEquals(1000, new CoresetBuilder(min).build(source, PatchFilter.ALL, manager, Progress.NONE).size());
            CoresetSettings all = CoresetSettings.of(CoresetMode.BULK, 0.01, 1).withMinimumSize(5000);
            assertEquals(3000, new CoresetBuilder(all).build(source, PatchFilter.ALL, manager, Progress.NONE).size(),
                    "the minimum is capped at what there is");
        }
    }

    @Test
    void sameSeedSameCoresetAndTheStartPointIsInIt() throws Exception {
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            for (CoresetMode mode : CoresetMode.values()) {
                MemoryBank a = build(mode, 0.05, manager);
                MemoryBank b = build(mode, 0.05, manager);
                assertArrayEquals(a.sourceImage(), b.sourceImage(), mode.name());
                assertArrayEquals(a.sourcePatch(), b.sourcePatch(), mode.name());
                assertArrayEquals(a.vectors(), b.vectors(), mode.name());
            }
            MemoryBank bulk = build(CoresetMode.BULK, 0.05, manager);
            int first = new java.util.SplittableRandom(11).nextInt(3000);
            assertEquals(first / 100, bulk.sourceImage()[0], "the seeded start point is the first member");
            assertEquals(first % 100, bulk.sourcePatch()[0]);
            MemoryBank other = new CoresetBuilder(CoresetSettings.of(CoresetMode.BULK, 0.05, 12))
                    .build(source, PatchFilter.ALL, manager, Progress.NONE);
            assertTrue(!java.util.Arrays.equals(bulk.sourcePatch(), other.sourcePatch()));
        }
    }

    @Test
    void filterRestrictsCandidates() throws Exception {
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            MemoryBank even = new CoresetBuilder(CoresetSettings.of(CoresetMode.BULK, 0.1, 1))
                    .build(source, (image, patch) -> patch % 2 == 0, manager, Progress.NONE);
            assertEquals(150, even.size());
            for (int p : even.sourcePatch()) {
                assertEquals(0, p % 2);
            }
        }
    }

    /** A valid but absurd ratio (1e-9) keeps a patch or two: said before the work, with the size it gives. */
    @Test
    void aRatioThatKeepsLessThanAPatchPerImageIsWarnedWithTheSize() throws Exception {
        org.crossdefect.core.testing.Warnings listening = new org.crossdefect.core.testing.Warnings();
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            MemoryBank tiny = new CoresetBuilder(CoresetSettings.of(CoresetMode.BULK, 1e-9, 1)).build(source,
                    PatchFilter.ALL, manager, listening);
            assertEquals(1, tiny.size());
            assertEquals(1, listening.said().size(), listening.said().toString());
            assertTrue(listening.said().get(0).contains("keeps about 1 of 3000 patches"), listening.said().get(0));
            listening.clear();
            new CoresetBuilder(CoresetSettings.of(CoresetMode.BULK, 0.05, 1)).build(source, PatchFilter.ALL, manager,
                    listening);
            assertEquals(List.of(), listening.said(), "a usual ratio is not warned about");
        }
    }

    private static MemoryBank build(CoresetMode mode, double ratio, NDManager manager) throws Exception {
        return new CoresetBuilder(CoresetSettings.of(mode, ratio, 11)).build(source, PatchFilter.ALL, manager,
                Progress.NONE);
    }

    private static MemoryBank randomBank(int size, long seed) throws Exception {
        Random random = new Random(seed);
        int d = source.dim();
        float[] v = new float[size * d];
        int[] img = new int[size];
        int[] patch = new int[size];
        for (int i = 0; i < size; i++) {
            img[i] = random.nextInt(source.images());
            patch[i] = random.nextInt(source.patches());
            System.arraycopy(source.image(img[i]).values(), patch[i] * d, v, i * d, d);
        }
        return new MemoryBank(size, d, v, img, patch);
    }

    /** Largest distance of any patch to its nearest coreset member. */
    static double radius(MemoryBank bank, NDManager manager) throws Exception {
        double max = 0;
        try (NearestNeighbours nn = new NearestNeighbours(bank.vectors(), bank.size(), bank.dim(),
                manager.newSubManager())) {
            for (int i = 0; i < source.images(); i++) {
                NearestNeighbours.Result r = nn.search(source.image(i).values(), source.patches(), 1);
                for (int p = 0; p < source.patches(); p++) {
                    max = Math.max(max, r.distance(p, 0));
                }
            }
        }
        return max;
    }
}
