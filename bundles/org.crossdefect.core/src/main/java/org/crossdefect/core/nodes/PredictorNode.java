package org.crossdefect.core.nodes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Role;
import org.crossdefect.core.error.IncompatibleException;
import org.crossdefect.core.eval.Threshold;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.report.Heatmaps;
import org.crossdefect.core.score.Prediction;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.workspace.MethodRegistry;
import org.crossdefect.core.workspace.Workspace;

/**
 * The Predictors (one per method, all alike): a CrossDefect Model port and a Patch Embeddings
 * port to the predictions table ({@link PredictionTable}), one row per test image (and per
 * validation image, for the Anomaly Scorer's source-validation threshold).
 */
public final class PredictorNode {

    public static final Parameter THRESHOLD = new Parameter("threshold", "", "Score from which an image counts as "
            + "anomalous, for models without a decision of their own (PatchCore); empty: none.");
    public static final Parameter HEATMAPS = new Parameter("heatmaps", "true", "Add the heatmap overlay of each test "
            + "image as a PNG cell.");
    public static final Parameter VALIDATION = new Parameter("validation-rows", "true", "Also predict the "
            + "validation images (rows with role 'validation'), which the Anomaly Scorer's source-validation "
            + "threshold needs.");
    public static final Parameter EXACT_SEARCH = new Parameter("exact-search", "false", "Find nearest neighbours by "
            + "exact search over the whole memory bank (the paper's protocol) instead of the inverted-file index "
            + "(several times faster; PatchCore's image scores are the same, anomaly maps and Labeled PatchCore "
            + "scores may differ slightly). Methods without a memory bank ignore it.");
    public static final List<Parameter> PARAMETERS = List.of(THRESHOLD, HEATMAPS, VALIDATION, EXACT_SEARCH);

    public record Settings(Threshold threshold, boolean heatmaps, boolean validationRows, boolean exactSearch) {
    }

    private PredictorNode() {
    }

    public static Settings settings(Parameters p) {
        p.requireKnown(PARAMETERS, "Predictor");
        String t = p.text(THRESHOLD).trim();
        Threshold threshold = t.isEmpty() ? null : new Threshold(p.number(THRESHOLD), "fixed", "the Predictor's "
                + "threshold setting");
        return new Settings(threshold, p.bool(HEATMAPS), p.bool(VALIDATION), p.bool(EXACT_SEARCH));
    }

    /**
     * @throws IncompatibleException if the model was trained on another backbone than the
     *     embeddings' (KNIME checks this at configure time from the port specs)
     */
    public static void requireSameBackbone(String modelBackbone, String embeddingsBackbone) {
        if (!modelBackbone.equals(embeddingsBackbone)) {
            throw new IncompatibleException("the model was trained on embeddings of " + modelBackbone + " but the "
                    + "Patch Embeddings come from " + embeddingsBackbone + "; embed with the model's backbone");
        }
    }

    public static Table run(MethodRegistry methods, LearnerNode.ModelContent model,
            PatchEmbedderNode.EmbeddingsContent embeddings, Settings s, Progress progress) throws IOException {
        requireSameBackbone(model.info().backboneId(), embeddings.backbone().id());
        Table table = embeddings.table();
        List<ImageRecord> test = ImageTable.records(table, Role.TEST);
        List<ImageRecord> validation = s.validationRows() ? ImageTable.records(table, Role.VALIDATION) : List.of();
        try (Workspace workspace = PatchEmbedderNode.open(embeddings.backbone(), embeddings.store(),
                embeddings.batch());
                AnomalyModel loaded = methods.read(new ByteArrayInputStream(model.modelFile()), "the model port",
                        workspace.backbone().device())) {
            loaded.useSearch(s.exactSearch() ? org.crossdefect.core.nn.Search.EXACT : org.crossdefect.core.nn.Search.FAST);
            List<Prediction> testPredictions = workspace.predict(loaded, test, progress);
            Heatmaps.Scaled maps = s.heatmaps() ? PredictionTable.heatmaps(testPredictions,
                    workspace.mapsCover(loaded.info())) : null;
            String method = loaded.info().method();
            boolean wholeImageMaps = loaded.info().tiling().tiled();
            org.crossdefect.core.score.DecisionBand band = loaded.decisionBand().orElse(null);
            List<List<Object>> rows = new ArrayList<>(PredictionTable.rows(method, ImageTable.name(Role.TEST),
                    testPredictions, s.threshold(), band, maps, wholeImageMaps));
            if (!validation.isEmpty()) {
                rows.addAll(PredictionTable.rows(method, ImageTable.name(Role.VALIDATION),
                        workspace.predict(loaded, validation, progress), s.threshold(), band, null, wholeImageMaps));
            }
            return new Table(PredictionTable.COLUMNS, rows);
        }
    }
}
