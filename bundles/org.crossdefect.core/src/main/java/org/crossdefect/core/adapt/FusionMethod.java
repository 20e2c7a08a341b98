package org.crossdefect.core.adapt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
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
 * their mean, over their spread) and the two are added. The cross-category model knows what
 * defects look like but not this object; the k-shot bank knows this object but not defects; on
 * real photos each fails on different targets, so the sum is steadier than either.
 *
 * <p>Calibration uses the k good images only: the cross-category model scores them as they are
 * (they were not trained on); the k-shot bank scores each against a bank of the other k-1
 * (leave one out), since against its own bank every shot would score 0.
 *
 * @param <S> the cross-category method's settings
 */
public final class FusionMethod<S> extends DeclaredMethod<S> {

    /** Model file entries holding the two parts, each a whole model file of its own. */
    static final String CROSS_CATEGORY_ENTRY = "cross-category.model";
    static final String KSHOT_ENTRY = "kshot.model";

    private final Method<S> crossCategory;

    public FusionMethod(Method<S> crossCategory) {
        super(crossCategory.id() + "-kshot", crossCategory.title() + " + k-shot",
                crossCategory.title() + " trained on other objects' defects, fused with a memory bank of k good images "
                        + "of the target; both scores calibrated on those k images.",
                withShots(crossCategory.parameters()), values -> {
                    KShotPatchCoreMethod.shots(values);
                    return crossCategory.settings(values);
                });
        this.crossCategory = crossCategory;
    }

    private static List<Parameter> withShots(List<Parameter> parameters) {
        List<Parameter> all = new ArrayList<>(parameters);
        all.add(TrainingData.TARGET_SHOTS);
        return all;
    }

    @Override
    public TrainingNeeds needs() {
        return TrainingNeeds.GOOD_AND_DEFECT_IMAGES_AND_TARGET_SHOTS;
    }

    @Override
    public AnomalyModel fit(TrainingData data, S settings, NDManager manager, Progress progress) throws IOException {
        data.require(needs(), title());
        AnomalyModel cross = crossCategory.fit(data, settings, manager.newSubManager(), progress);
        PatchCoreModel kshot = KShotPatchCoreMethod.fit(data, manager.newSubManager(), progress);
        PatchSource shots = data.embeddings(data.targetShots(), progress);
        Calibration crossScale = Calibration.of(cross.score(shots, progress));
        Calibration kshotScale = Calibration.of(leaveOneOut(data, shots, manager, progress));
        return new FusedModel(data.info(id()), cross, kshot, crossScale, kshotScale, manager);
    }

    /** Each shot scored by a bank of the other shots. */
    private static List<ImageScore> leaveOneOut(TrainingData data, PatchSource shots, NDManager manager,
            Progress progress) throws IOException {
        List<PatchEmbeddings> all = new ArrayList<>();
        for (int i = 0; i < shots.images(); i++) {
            all.add(shots.image(i));
        }
        List<ImageScore> scores = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            progress.checkCancelled();
            List<PatchEmbeddings> others = new ArrayList<>(all);
            PatchEmbeddings left = others.remove(i);
            try (PatchCoreModel bank = PatchCoreModel.fit(data.info(KShotPatchCoreMethod.ID), PatchSource.of(others),
                    KShotPatchCoreMethod.everyPatch(data.seed()), manager.newSubManager(), Progress.NONE)) {
                scores.add(bank.score(PatchSource.of(List.of(left)), Progress.NONE).get(0));
            }
        }
        return scores;
    }

    @Override
    public AnomalyModel read(ModelFile.Contents contents, NDManager manager) throws IOException {
        FusedModel.Stored stored = contents.json(FusedModel.Stored.class);
        AnomalyModel cross = crossCategory.read(nested(contents, CROSS_CATEGORY_ENTRY), manager.newSubManager());
        AnomalyModel kshot = new KShotPatchCoreMethod().read(nested(contents, KSHOT_ENTRY), manager.newSubManager());
        return new FusedModel(stored.info(), cross, kshot, stored.crossCategory(), stored.kshot(), manager);
    }

    private static ModelFile.Contents nested(ModelFile.Contents contents, String entry) throws IOException {
        return ModelFile.read(new ByteArrayInputStream(contents.entry(entry)), contents.source() + "!" + entry);
    }

    static byte[] bytes(AnomalyModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }
}
