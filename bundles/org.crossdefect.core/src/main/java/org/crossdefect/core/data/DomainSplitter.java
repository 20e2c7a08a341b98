package org.crossdefect.core.data;

import org.crossdefect.core.error.InvalidSettingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the paper's leave-one-domain-out split (Section 4.1) of a dataset for one target:
 * <ul>
 * <li><b>train</b> = train/good of every other category + a fraction r of each other category's
 * defect images (per defect folder, {@code floor(n * r)} as the authors' code);</li>
 * <li><b>validation</b> = the rest of those defect images + the other categories' test/good;</li>
 * <li><b>test</b> = the target's test/good + all of the target's defect images.</li>
 * </ul>
 * The target's train/good is not used at all, so no image of the target leaves the test role.
 * Which defect images train is drawn with the seed; each folder's draw depends only on the
 * seed and the folder, so adding a category to a dataset does not reshuffle the others.
 */
public final class DomainSplitter {

    /** The paper's code puts half of each source folder's defect images into training. */
    public static final double DEFAULT_ANOMALY_TRAIN_FRACTION = 0.5;

    private DomainSplitter() {
    }

    /**
     * @param datasetName name of the dataset, for the result
     * @param images the dataset's images ({@link MvtecTree#datasetImages})
     * @param target the held-out category; must be one of the images' categories
     * @param seed chooses the training defect images
     * @param anomalyTrainFraction r in [0, 1]
     */
    public static DomainSplit split(String datasetName, List<ImageRecord> images, String target, long seed,
            double anomalyTrainFraction) {
        if (!(anomalyTrainFraction >= 0 && anomalyTrainFraction <= 1)) {
            throw new InvalidSettingException("anomaly-train-fraction",
                    "anomaly train fraction must be in [0, 1], got " + anomalyTrainFraction);
        }
        List<String> categories = images.stream().map(ImageRecord::category).distinct().sorted().toList();
        if (!categories.contains(target)) {
            throw new InvalidSettingException("target", "target '" + target + "' is not a category of dataset '"
                    + datasetName + "'; choose one of " + categories);
        }
        if (categories.size() < 2) {
            throw new InvalidSettingException("dataset",
                    "dataset '" + datasetName + "' has only the category '" + target
                    + "'; a leave-one-domain-out split needs at least one other category to train on");
        }
        List<ImageRecord> train = new ArrayList<>();
        List<ImageRecord> validation = new ArrayList<>();
        List<ImageRecord> test = new ArrayList<>();
        Map<String, List<ImageRecord>> defectsByFolder = new LinkedHashMap<>();
        for (ImageRecord r : images) {
            if (r.category().equals(target)) {
                if (r.split() == SourceSplit.TEST) {
                    test.add(r);
                }
            } else if (r.label() == Label.GOOD) {
                (r.split() == SourceSplit.TRAIN ? train : validation).add(r);
            } else {
                defectsByFolder.computeIfAbsent(r.category() + "/" + r.folder(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, List<ImageRecord>> folder : defectsByFolder.entrySet()) {
            List<ImageRecord> shuffled = new ArrayList<>(folder.getValue());
            shuffled.sort(Comparator.comparing(r -> r.image().toString()));
            shuffle(shuffled, new SplittableRandom(mix(seed, folder.getKey())));
            int trainCount = (int) Math.floor(shuffled.size() * anomalyTrainFraction + 1e-9);
            train.addAll(shuffled.subList(0, trainCount));
            validation.addAll(shuffled.subList(trainCount, shuffled.size()));
        }
        Comparator<ImageRecord> byPath = Comparator.comparing(r -> r.image().toString());
        train.sort(byPath);
        validation.sort(byPath);
        test.sort(byPath);
        return new DomainSplit(datasetName, target, seed, anomalyTrainFraction, train, validation, test);
    }

    /**
     * The few good images of a new object that target adaptation may use: {@code k} of the
     * target's {@code train/good} images, drawn with the seed. Never a test image, so the
     * target's test figures stay honest.
     *
     * @return at most k images (all there are when the target has fewer), sorted by path
     */
    public static List<ImageRecord> targetShots(List<ImageRecord> images, String target, int k, long seed) {
        if (k < 0) {
            throw new InvalidSettingException("target-shots", "target-shots must be 0 or more, got " + k);
        }
        List<ImageRecord> good = new ArrayList<>(images.stream().filter(r -> r.category().equals(target)
                && r.split() == SourceSplit.TRAIN && r.label() == Label.GOOD).toList());
        Comparator<ImageRecord> byPath = Comparator.comparing(r -> r.image().toString());
        good.sort(byPath);
        shuffle(good, new SplittableRandom(mix(seed, target + "/train/good#shots")));
        List<ImageRecord> shots = new ArrayList<>(good.subList(0, Math.min(k, good.size())));
        shots.sort(byPath);
        return List.copyOf(shots);
    }

    /** Fisher-Yates with an explicit generator, so the order depends on nothing else. */
    private static void shuffle(List<ImageRecord> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            ImageRecord tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }

    /** A seed for one folder: FNV-1a over the folder key, folded with the user's seed. */
    static long mix(long seed, String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h ^ (seed * 0x9E3779B97F4A7C15L);
    }
}
