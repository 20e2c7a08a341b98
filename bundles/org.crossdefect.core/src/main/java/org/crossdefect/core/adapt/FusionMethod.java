package org.crossdefect.core.adapt;

import java.io.IOException;
import java.util.List;

import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.model.NestedModelFiles;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.DeclaredMethod;
import org.crossdefect.core.model.Method;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.model.TrainingNeeds;
import org.crossdefect.core.patchcore.PatchCoreModel;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.ImageScore;
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
    public record Settings<S>(S crossCategory, Fusion fusion, double targetFpr) {
    }

    /** Model file entries holding the two parts, each a whole model file of its own. */
    static final String CROSS_CATEGORY_ENTRY = "cross-category.model";
    static final String KSHOT_ENTRY = "kshot.model";

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
                            GoodOnlyThreshold.targetFpr(values));
                });
        this.crossCategory = crossCategory;
    }

    private static List<Parameter> withShots(List<Parameter> parameters) {
        return ResidualMethod.plus(parameters, TrainingData.TARGET_SHOTS, FUSION, GoodOnlyThreshold.TARGET_FPR);
    }

    /**
     * Whole images when auto (the default): on real-dev crack, 3 seeds, square tiles lifted the
     * k-shot half but cost the cross-category half more (Labeled PatchCore 0.580 against 0.633), and
     * the fusion's mean image AUROC fell from 0.849 to 0.832 (README, Measured here).
     */
    @Override
    public boolean takesTiles() {
        return crossCategory.takesTiles();
    }

    @Override
    public TrainingNeeds needs() {
        return TrainingNeeds.GOOD_AND_DEFECT_IMAGES_AND_TARGET_SHOTS;
    }

    @Override
    public AnomalyModel fit(TrainingData data, Settings<S> settings, NDManager manager, Progress progress)
            throws IOException {
        data.require(needs(), title());
        AnomalyModel cross = crossCategory.fit(data, settings.crossCategory(), manager.newSubManager(), progress);
        PatchSource shots = data.embeddings(data.targetShots(), progress);
        PatchCoreModel kshot = KShotPatchCoreMethod.fit(data, shots, manager.newSubManager(), progress);
        List<ImageScore> crossShots = cross.score(shots, progress);
        List<ImageScore> kshotShots = KShotPatchCoreMethod.leaveOneOut(data, shots, manager, progress);
        Calibration crossScale = Calibration.of(data.targetShots(), crossShots);
        Calibration kshotScale = Calibration.of(data.targetShots(), kshotShots);
        double[] fusedShots = new double[crossShots.size()];
        for (int i = 0; i < fusedShots.length; i++) {
            fusedShots[i] = settings.fusion().of(crossScale.image(crossShots.get(i).score()),
                    kshotScale.image(kshotShots.get(i).score()));
        }
        GoodOnlyThreshold.Decision decision = GoodOnlyThreshold.decide(
                org.crossdefect.core.score.TiledScores.imageScores(data.targetShots(), fusedShots), settings.targetFpr());
        return new FusedModel(data.info(id()), cross, kshot, crossScale, kshotScale, settings.fusion(),
                decision.threshold(), decision.band(), manager);
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
