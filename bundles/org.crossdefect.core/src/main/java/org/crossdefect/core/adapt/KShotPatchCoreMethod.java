package org.crossdefect.core.adapt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.coreset.CoresetMode;
import org.crossdefect.core.coreset.CoresetSettings;
import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.model.NestedModelFiles;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.DeclaredMethod;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.model.TrainingNeeds;
import org.crossdefect.core.patchcore.PatchCoreMethod;
import org.crossdefect.core.patchcore.PatchCoreModel;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.ImageScore;
import org.crossdefect.core.score.TiledScores;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

import ai.djl.ndarray.NDManager;

/**
 * k-shot PatchCore: a memory bank of the patches of k good images of the new object itself (few-
 * shot PatchCore). It knows nothing of defects, only this object's normal look, which the
 * cross-category methods lack; the fusions combine both.
 */
public final class KShotPatchCoreMethod extends DeclaredMethod<KShotPatchCoreMethod.Settings> {

    public static final String ID = "patchcore-kshot";

    /** Model file entry holding the bank, a PatchCore model file of its own. */
    static final String BANK_ENTRY = "bank.model";

    /**
     * @param shots k, the good images of the target to learn from
     * @param targetFpr the false-positive rate of the good-images-only threshold
     * @param bankRatio the fraction of the shots' patches the bank keeps
     */
    public record Settings(int shots, double targetFpr, double bankRatio) {
    }

    /**
     * How much of the shots' patches the bank keeps. Tiles that overlap by half hold most patches
     * twice, and search time grows with the bank, so a greedy coreset of it (PatchCore's) cuts
     * predict time where the tiled bank is large. A quarter by default: on real-dev crack (3
     * seeds) it predicted commutator 1.9x faster at the same image AUROC (0.892 against 0.894
     * with every patch; README, Measured here).
     */
    public static final Parameter BANK_RATIO = new Parameter("kshot-bank-ratio", "0.25", "Fraction of the k "
            + "shots' patches the k-shot bank keeps, in (0, 1] (a greedy coreset; 1 keeps every patch, as the "
            + "figures before this setting were measured). Smaller banks predict faster.");

    public KShotPatchCoreMethod() {
        super(ID, "PatchCore (k-shot)", "A memory bank of the patches of k good images of the target object (a greedy coreset "
                + "keeping kshot-bank-ratio of them); a patch's "
                + "score is its distance to the nearest one.", List.of(TrainingData.TARGET_SHOTS,
                        GoodOnlyThreshold.TARGET_FPR, BANK_RATIO), values -> new Settings(shots(values),
                                GoodOnlyThreshold.targetFpr(values), bankRatio(values)));
    }

    static double bankRatio(Parameters p) {
        double r = p.number(BANK_RATIO);
        InvalidSettingException.require(r > 0 && r <= 1, BANK_RATIO.key(),
                BANK_RATIO.key() + " must be in (0, 1], got " + r);
        return r;
    }

    static int shots(Parameters p) {
        int k = p.integer(TrainingData.TARGET_SHOTS);
        InvalidSettingException.require(k >= 0, TrainingData.TARGET_SHOTS.key(),
                "target-shots must be 0 or more, got " + k);
        return k;
    }

    /**
     * Square tiles of the shorter side when auto (the default): on real-dev's 250 x 640 commutator
     * they lifted k-shot PatchCore from 0.566 to 0.810 image AUROC (3 seeds, overlap 0.5; README, Measured
     * here): squeezed whole 2.6x, its thin cracks fall below a patch. Square images are one tile.
     */
    @Override
    public org.crossdefect.core.data.Tiling tilingWhenAuto() {
        return org.crossdefect.core.data.Tiling.SQUARE_TILES;
    }

    @Override
    public TrainingNeeds needs() {
        return TrainingNeeds.TARGET_SHOTS;
    }

    @Override
    public AnomalyModel fit(TrainingData data, Settings settings, NDManager manager, Progress progress)
            throws IOException {
        data.require(needs(), title());
        PatchSource shots = data.embeddings(data.targetShots(), progress);
        PatchCoreModel bank = fit(data, shots, settings.bankRatio(), manager.newSubManager(), progress);
        if (data.targetShots().stream().map(ImageRecord::whole).distinct().count() < 2) {
            return new KShotModel(data.info(ID), bank, Double.NaN, null, manager);
        }
        double[] honest = TiledScores.imageScores(data.targetShots(), leaveOneOut(data, shots, settings.bankRatio(), manager,
                progress).stream().mapToDouble(ImageScore::score).toArray());
        GoodOnlyThreshold.Decision decision = GoodOnlyThreshold.decide(honest, settings.targetFpr());
        return new KShotModel(data.info(ID), bank, decision.threshold(), decision.band(), manager);
    }

    /**
     * The bank of the target shots: a greedy coreset keeping {@code ratio} of their patches.
     *
     * @param shots the embeddings of the data's target shots
     * @param ratio {@link #BANK_RATIO}
     */
    static PatchCoreModel fit(TrainingData data, PatchSource shots, double ratio, NDManager manager,
            Progress progress) throws IOException {
        return PatchCoreModel.fit(data.info(ID), shots, bank(data.seed(), ratio), manager, progress);
    }

    static CoresetSettings bank(long seed, double ratio) {
        return CoresetSettings.of(CoresetMode.BULK, ratio, seed);
    }

    /**
     * Each shot scored by a bank of the other shots: what a good image of the target the bank has
     * not seen scores (against its own bank every shot scores 0). A tiled shot's tiles are left out
     * together: its overlapping neighbours would match it.
     *
     * @return one score per shot record (per tile when tiled), in order
     */
    static List<ImageScore> leaveOneOut(TrainingData data, PatchSource shots, double ratio, NDManager manager,
            Progress progress) throws IOException {
        List<ImageRecord> records = data.targetShots();
        List<PatchEmbeddings> all = new ArrayList<>();
        for (int i = 0; i < shots.images(); i++) {
            all.add(shots.image(i));
        }
        ImageScore[] scores = new ImageScore[all.size()];
        java.util.Map<ImageRecord, List<Integer>> byImage = new java.util.LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            byImage.computeIfAbsent(records.get(i).whole(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> image : byImage.values()) {
            progress.checkCancelled();
            java.util.Set<Integer> leftOut = new java.util.HashSet<>(image);
            List<PatchEmbeddings> others = new ArrayList<>();
            List<PatchEmbeddings> left = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                (leftOut.contains(i) ? left : others).add(all.get(i));
            }
            try (PatchCoreModel bank = PatchCoreModel.fit(data.info(ID), PatchSource.of(others),
                    bank(data.seed(), ratio), manager.newSubManager(), Progress.NONE)) {
                List<ImageScore> scored = bank.score(PatchSource.of(left), Progress.NONE);
                for (int j = 0; j < image.size(); j++) {
                    scores[image.get(j)] = scored.get(j);
                }
            }
        }
        return List.of(scores);
    }

    @Override
    public AnomalyModel read(ModelFile.Contents contents, NDManager manager) throws IOException {
        KShotModel.Stored stored = contents.json(KShotModel.Stored.class);
        AnomalyModel bank = new PatchCoreMethod().read(NestedModelFiles.read(contents, BANK_ENTRY),
                manager.newSubManager());
        return new KShotModel(stored.info(), bank, stored.threshold() == null ? Double.NaN : stored.threshold(),
                stored.band(), manager);
    }
}
