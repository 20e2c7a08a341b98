package org.crossdefect.core.patchcore;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.coreset.CoresetBuilder;
import org.crossdefect.core.coreset.CoresetSettings;
import org.crossdefect.core.coreset.MemoryBank;
import org.crossdefect.core.coreset.PatchFilter;
import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchLabelRule;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.error.UnsuitableDataException;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.nn.NearestNeighbours;
import org.crossdefect.core.progress.Progress;

import ai.djl.ndarray.NDManager;
import org.crossdefect.core.score.ImageScore;

/**
 * Labeled PatchCore (the paper's Appendix A.1): besides the coreset of good patches, a second
 * coreset of <em>anomalous</em> patches (patches of defect images whose mask covers at least a
 * fraction 0.1 of them; the good patches of defect images are dropped). It keeps at least 1,000
 * anomalous patches (or all there are) whatever the ratio. Every test patch gets PatchCore's
 * reweighted score against each coreset and is assigned to the one with the smaller score; an
 * image is anomalous if any patch is.
 *
 * <p>Continuous image score (for AUROC, which the paper's binary rule does not give):
 * {@code max over patches of (goodScore - anomalyScore)}. It is positive exactly when some patch
 * is assigned to the anomaly coreset, so thresholding it at 0 reproduces the paper's decision.
 */
public final class LabeledPatchCoreModel implements AnomalyModel {

    public static final int MINIMUM_ANOMALY_CORESET = 1000;

    private final ModelInfo info;
    private final CoresetSettings goodSettings;
    private final CoresetSettings anomalySettings;
    private final PatchLabelRule labels;
    private final BankScorer good;
    private final BankScorer anomaly;

    private LabeledPatchCoreModel(ModelInfo info, CoresetSettings goodSettings, CoresetSettings anomalySettings,
            PatchLabelRule labels, MemoryBank goodBank, MemoryBank anomalyBank, NDManager manager) {
        this.info = info;
        this.goodSettings = goodSettings;
        this.anomalySettings = anomalySettings;
        this.labels = labels;
        this.good = new BankScorer(goodBank, manager.newSubManager());
        this.anomaly = new BankScorer(anomalyBank, manager);
    }

    /**
     * @param train good and defect images; defect images must carry mask fractions
     * @param settings the good coreset's settings; the anomaly coreset uses the same with a
     *     minimum of 1,000
     */
    public static LabeledPatchCoreModel fit(ModelInfo info, PatchSource train, CoresetSettings settings,
            PatchLabelRule labels, NDManager manager, Progress progress) throws IOException {
        PatchFilter goodPatches = (image, p) -> image.maskFractions() == null;
        PatchFilter anomalousPatches = labels::anomalous;
        MemoryBank goodBank = new CoresetBuilder(settings).build(train, goodPatches, manager, progress);
        CoresetSettings anomalySettings = settings.withMinimumSize(MINIMUM_ANOMALY_CORESET);
        MemoryBank anomalyBank = new CoresetBuilder(anomalySettings).build(train, anomalousPatches, manager, progress);
        if (goodBank.size() == 0) {
            throw new UnsuitableDataException("no good training image: Labeled PatchCore needs good images");
        }
        if (anomalyBank.size() == 0) {
            throw new UnsuitableDataException("no anomalous training patch (mask fraction >= " + labels.threshold()
                    + "): Labeled PatchCore needs defect images with masks in the training split");
        }
        LabeledPatchCoreModel model = new LabeledPatchCoreModel(info, settings, anomalySettings, labels,
                goodBank, anomalyBank, manager);
        model.good.neighbourTable();
        model.anomaly.neighbourTable();
        return model;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    public MemoryBank goodBank() {
        return good.bank();
    }

    public MemoryBank anomalyBank() {
        return anomaly.bank();
    }

    @Override
    public List<ImageScore> score(PatchSource images, Progress progress) throws IOException {
        List<ImageScore> scores = new ArrayList<>(images.images());
        int p = images.patches();
        int dim = images.dim();
        int perBatch = good.imagesPerBatch(p);
        float[] patches = new float[Math.min(perBatch, images.images()) * p * dim];
        for (int from = 0; from < images.images(); from += perBatch) {
            progress.checkCancelled();
            int to = Math.min(images.images(), from + perBatch);
            List<PatchEmbeddings> batch = BankScorer.readBatch(images, from, to, patches);
            NearestNeighbours.Result toGood = good.nearest(patches, (to - from) * p);
            NearestNeighbours.Result toAnomaly = anomaly.nearest(patches, (to - from) * p);
            for (int b = 0; b < batch.size(); b++) {
                float[] values = batch.get(b).values();
                float[] margin = new float[p];
                float best = Float.NEGATIVE_INFINITY;
                for (int q = 0; q < p; q++) {
                    int at = b * p + q;
                    float sGood = good.reweight(values, q, toGood.index(at, 0), toGood.distance(at, 0), true);
                    float sAnomaly = anomaly.reweight(values, q, toAnomaly.index(at, 0), toAnomaly.distance(at, 0), true);
                    margin[q] = sGood - sAnomaly;
                    best = Math.max(best, margin[q]);
                }
                scores.add(new ImageScore(best, margin, info.gridHeight(), info.gridWidth(), best > 0, null));
            }
            progress.update(to, images.images(), "scoring images");
        }
        return scores;
    }

    @Override
    public void useSearch(org.crossdefect.core.nn.Search search) {
        good.useSearch(search);
        anomaly.useSearch(search);
    }

    /** What model.json holds. */
    private record Stored(ModelInfo info, CoresetSettings goodCoreset, int goodSize, CoresetSettings anomalyCoreset,
            int anomalySize, PatchLabelRule labels) {
    }

    @Override
    public void write(OutputStream out) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("bank.f32", ModelFile.floats(good.bank().vectors()));
        entries.put("bank.neighbours.i32", ModelFile.ints(good.neighbourTable()));
        entries.put("anomaly-bank.f32", ModelFile.floats(anomaly.bank().vectors()));
        entries.put("anomaly-bank.neighbours.i32", ModelFile.ints(anomaly.neighbourTable()));
        entries.putAll(good.indexEntries("bank.f32"));
        entries.putAll(anomaly.indexEntries("anomaly-bank.f32"));
        ModelFile.write(out, info.method(), new Stored(info, goodSettings, good.bank().size(), anomalySettings,
                anomaly.bank().size(), labels), entries);
    }

    static LabeledPatchCoreModel read(ModelFile.Contents c, NDManager manager) {
        Stored s = c.json(Stored.class);
        MemoryBank goodBank = PatchCoreModel.bank(c, "bank.f32", s.goodSize(), s.info().dim());
        MemoryBank anomalyBank = PatchCoreModel.bank(c, "anomaly-bank.f32", s.anomalySize(), s.info().dim());
        LabeledPatchCoreModel model = new LabeledPatchCoreModel(s.info(), s.goodCoreset(), s.anomalyCoreset(),
                s.labels(), goodBank, anomalyBank, manager);
        try {
            model.good.setNeighbourTable(ModelFile.ints(c.entry("bank.neighbours.i32")));
            model.anomaly.setNeighbourTable(ModelFile.ints(c.entry("anomaly-bank.neighbours.i32")));
            model.good.readIndex(c, "bank.f32");
            model.anomaly.readIndex(c, "anomaly-bank.f32");
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    @Override
    public void close() {
        good.close();
        anomaly.close();
    }
}
