package org.crossdefect.core.nodes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Role;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.Method;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelInfo;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.workspace.MethodRegistry;
import org.crossdefect.core.workspace.Workspace;

/**
 * The Learners (one node per method): a Patch Embeddings port to a CrossDefect Model port. They
 * train on the table's train images (and watch the validation images, for SEMLP); the k-shot
 * methods also learn the target's normal look from its rows with role target_shot. Their
 * settings are the method's own parameters and the seed; how many target shots there are is the
 * Domain Split Reader's setting, so a k-shot Learner has no target-shots setting of its own.
 */
public final class LearnerNode {

    public static final Parameter SEED = new Parameter("seed", "0", "Seed of the training (coreset start, "
            + "initialisation, order).");

    /**
     * What the CrossDefect Model port carries: the engine's model file, whole (format, checksums),
     * and what configure needs without reading it.
     */
    public record ModelContent(byte[] modelFile, ModelInfo info) {

        /** @throws org.crossdefect.core.model.ModelFileException if the bytes are not a model file */
        public static ModelContent of(byte[] modelFile) throws IOException {
            ModelFile.Contents c = ModelFile.read(new ByteArrayInputStream(modelFile), "the model port");
            return new ModelContent(modelFile, c.info());
        }
    }

    private LearnerNode() {
    }

    /**
     * @return the settings of a method's Learner: its parameters but target-shots (the table's
     *     target_shot rows are the shots), then the seed
     */
    public static List<Parameter> parameters(Method<?> method) {
        List<Parameter> all = new ArrayList<>(method.parameters());
        all.remove(TrainingData.TARGET_SHOTS);
        all.add(SEED);
        return all;
    }

    /**
     * Checks a Learner's settings (at configure time in KNIME).
     *
     * @throws org.crossdefect.core.error.InvalidSettingException naming the first bad setting
     */
    public static void check(MethodRegistry methods, String method, Parameters p) {
        Method<?> m = methods.get(method);
        p.requireKnown(parameters(m), m.title() + " Learner");
        p.integer(SEED);
        m.settings(p);
    }

    /** Trains on the train (and validation) images of the embeddings port. */
    public static ModelContent run(MethodRegistry methods, String method, Parameters p,
            PatchEmbedderNode.EmbeddingsContent embeddings, Progress progress) throws IOException {
        check(methods, method, p);
        Table table = embeddings.table();
        List<ImageRecord> train = ImageTable.records(table, Role.TRAIN);
        List<ImageRecord> validation = ImageTable.records(table, Role.VALIDATION);
        List<ImageRecord> test = ImageTable.records(table, Role.TEST);
        // Cross-category when the images to predict are of categories the model does not train on.
        Set<String> trainCategories = train.stream().map(ImageRecord::category).collect(Collectors.toSet());
        boolean crossCategory = test.stream().noneMatch(r -> trainCategories.contains(r.category()));
        Method<?> m = methods.get(method);
        List<ImageRecord> shots = m.needs().usesTargetShots() ? ImageTable.records(table, Role.TARGET_SHOT)
                : List.of();
        if (m.needs().usesTargetShots() && shots.isEmpty()) {
            throw new InvalidSettingException(DomainSplitReaderNode.TARGET_SHOTS.key(), m.title() + " learns the new "
                    + "object's normal look from a few of its good images, but the Patch Embeddings have no row with "
                    + "role target_shot: set target-shots on the Domain Split Reader (default 10) and make sure the "
                    + "target has images in <target>/train/good");
        }
        // The model records how many shots it learnt from: the table's, whatever the method's default.
        Parameters methodValues = p.only(m.parameters());
        if (m.parameters().contains(TrainingData.TARGET_SHOTS)) {
            methodValues = methodValues.with(TrainingData.TARGET_SHOTS.key(), shots.size());
        }
        try (Workspace workspace = PatchEmbedderNode.open(embeddings.backbone(), embeddings.store(),
                embeddings.batch())) {
            TrainingData data = workspace.trainingData(new org.crossdefect.core.data.ImageSelection.Selected(train,
                    validation, test, crossCategory), p.integer(SEED), shots, workspace.tilingFor(methods.get(method)));
            try (AnomalyModel model = methods.fit(method, methodValues, data, workspace.backbone().device(),
                    progress)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                model.write(bytes);
                return new ModelContent(bytes.toByteArray(), model.info());
            }
        }
    }
}
