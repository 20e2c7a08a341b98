package org.crossdefect.core.adapt;

import java.io.IOException;
import java.util.List;

import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.model.NestedModelFiles;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.DeclaredMethod;
import org.crossdefect.core.model.Method;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.model.TrainingNeeds;
import org.crossdefect.core.patchcore.PatchCoreModel;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.ImageScore;
import org.crossdefect.core.score.TiledScores;
import org.crossdefect.core.settings.Parameter;

import ai.djl.ndarray.NDManager;

/**
 * A cross-category method (trained on other objects' defects) fused with k-shot PatchCore (this
 * object's normal look): each score is put on the scale of the new object's good images (minus
 * their mean, over their spread) and the larger of the two is the score (or their sum, the
 * {@code fusion} setting). The cross-category model knows what defects look like but not this
 * object; the k-shot bank knows this object but not defects; on real photos each fails on
 * different targets. The larger one keeps what either sees: on real-dev crack (seed 0) max gave
 * 0.727 / 0.977 where the sum gave 0.719 / 0.931 (commutator / metal_plate, same scales).
 *
 * <p>Calibration uses the k good images only: the cross-category model scores them as they are
 * (they were not trained on); the k-shot bank scores each against a bank of the other k-1
 * (leave one out), since against its own bank every shot would score 0.
 *
 * @param <S> the cross-category method's settings
 */
public final class FusionMethod<S> extends DeclaredMethod<FusionMethod.Settings<S>> {

    /** The cross-category method's settings and how the scores are fused. */
    public record Settings<S>(S crossCategory, Fusion fusion, double targetFpr, double kshotBankRatio) {
    }

    /** Model file entries holding the two parts, each a whole model file of its own. */
    static final String CROSS_CATEGORY_ENTRY = "cross-category.model";
    static final String KSHOT_ENTRY = "kshot.model";

    /** The k-shot part, for how it cuts images. */
    private static final KShotPatchCoreMethod KSHOT = new KShotPatchCoreMethod();

    /** How the two calibrated scores become one. */
    public enum Fusion {
        /** The larger: what either part sees counts. */
        MAX,
        /** The sum: both parts must agree. */
        SUM;

        double of(double a, double b) {
            return this == MAX ? Math.max(a, b) : a + b;
        }
    }

    public static final Parameter FUSION = new Parameter("fusion", "max", "k-shot fusions: max (the larger of the "
            + "two calibrated scores) or sum.");

    private final Method<S> crossCategory;

    public FusionMethod(Method<S> crossCategory) {
        super(crossCategory.id() + "-kshot", crossCategory.title() + " + k-shot",
                crossCategory.title() + " trained on other objects' defects, fused with a memory bank of k good images "
                        + "of the target; both scores calibrated on those k images.",
                withShots(crossCategory.parameters()), values -> {
                    KShotPatchCoreMethod.shots(values);
                    return new Settings<>(crossCategory.settings(values), values.choice(FUSION, Fusion.class),
                            GoodOnlyThreshold.targetFpr(values), KShotPatchCoreMethod.bankRatio(values));
                });
        this.crossCategory = crossCategory;
    }

    private static List<Parameter> withShots(List<Parameter> parameters) {
        return ResidualMethod.plus(parameters, TrainingData.TARGET_SHOTS, FUSION, GoodOnlyThreshold.TARGET_FPR,
                KShotPatchCoreMethod.BANK_RATIO);
    }

    /**
     * When auto (the default) each part cuts images its own way ({@link TrainingData#cutFor}): the
     * cross-category part whole, the k-shot bank in square tiles. On real-dev crack, 3 seeds,
     * tiles lifted the k-shot bank (0.772 to 0.894) but cost Labeled PatchCore (0.633 to 0.580);
     * cut per part the fusion reached 0.897, against 0.849 whole and 0.832 all tiled (README,
     * Measured here).
     */
    @Override
    public boolean takesTiles() {
        return crossCategory.takesTiles();
    }

    @Override
    public String tiles(org.crossdefect.core.data.Tiling setting) {
        String cross = crossCategory.tiles(setting);
        String own = KSHOT.tiles(setting);
        return cross.equals(own) ? cross : cross + " (k-shot part: " + own + ")";
    }

    @Override
    public TrainingNeeds needs() {
        return TrainingNeeds.GOOD_AND_DEFECT_IMAGES_AND_TARGET_SHOTS;
    }

    @Override
    public AnomalyModel fit(TrainingData data, Settings<S> settings, NDManager manager, Progress progress)
            throws IOException {
        data.require(needs(), title());
        TrainingData crossData = data.cutFor(crossCategory);
        TrainingData kshotData = data.cutFor(KSHOT);
        AnomalyModel cross = crossCategory.fit(crossData, settings.crossCategory(), manager.newSubManager(), progress);
        PatchSource kshotShots = kshotData.embeddings(kshotData.targetShots(), progress);
        PatchSource crossShots = crossData == kshotData ? kshotShots
                : crossData.embeddings(crossData.targetShots(), progress);
        PatchCoreModel kshot = KShotPatchCoreMethod.fit(kshotData, kshotShots, settings.kshotBankRatio(),
                manager.newSubManager(), progress);
        List<ImageScore> crossScores = cross.score(crossShots, progress);
        List<ImageScore> kshotScores = KShotPatchCoreMethod.leaveOneOut(kshotData, kshotShots,
                settings.kshotBankRatio(), manager, progress);
        Calibration crossScale = Calibration.of(crossData.targetShots(), crossScores);
        Calibration kshotScale = Calibration.of(kshotData.targetShots(), kshotScores);
        // Image scores as predictions make them: fused per record and merged per image when both
        // parts cut alike, merged per part and then fused when they do not.
        double[] fusedShots;
        if (crossData == kshotData) {
            double[] perRecord = new double[crossScores.size()];
            for (int i = 0; i < perRecord.length; i++) {
                perRecord[i] = settings.fusion().of(crossScale.image(crossScores.get(i).score()),
                        kshotScale.image(kshotScores.get(i).score()));
            }
            fusedShots = TiledScores.imageScores(data.targetShots(), perRecord);
        } else {
            double[] crossImages = imageScores(crossData.targetShots(), crossScores);
            double[] kshotImages = imageScores(kshotData.targetShots(), kshotScores);
            fusedShots = new double[crossImages.length];
            for (int i = 0; i < fusedShots.length; i++) {
                fusedShots[i] = settings.fusion().of(crossScale.image(crossImages[i]), kshotScale.image(kshotImages[i]));
            }
        }
        GoodOnlyThreshold.Decision decision = GoodOnlyThreshold.decide(fusedShots, settings.targetFpr());
        // Maps of a fusion whose k-shot part is tiled are stitched over the whole image.
        ModelInfo info = data.info(id()).withTiling(kshotData.tiling().tiled() ? kshotData.tiling() : crossData.tiling());
        return new FusedModel(info, cross, kshot, crossScale, kshotScale, settings.fusion(), decision.threshold(),
                decision.band(), manager);
    }

    private static double[] imageScores(List<org.crossdefect.core.data.ImageRecord> records, List<ImageScore> scores) {
        return TiledScores.imageScores(records, scores.stream().mapToDouble(ImageScore::score).toArray());
    }

    @Override
    public AnomalyModel read(ModelFile.Contents contents, NDManager manager) throws IOException {
        FusedModel.Stored stored = contents.json(FusedModel.Stored.class);
        AnomalyModel cross = crossCategory.read(NestedModelFiles.read(contents, CROSS_CATEGORY_ENTRY), manager.newSubManager());
        // The k-shot part is the bare bank (the fusion keeps its own threshold).
        AnomalyModel kshot = new org.crossdefect.core.patchcore.PatchCoreMethod().read(NestedModelFiles.read(contents, KSHOT_ENTRY),
                manager.newSubManager());
        return new FusedModel(stored.info(), cross, kshot, stored.crossCategory(), stored.kshot(),
                stored.fusion(), stored.threshold(), stored.band(), manager);
    }

}
