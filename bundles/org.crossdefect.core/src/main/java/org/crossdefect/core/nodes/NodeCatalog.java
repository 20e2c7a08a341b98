package org.crossdefect.core.nodes;

import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.model.Method;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.workspace.MethodRegistry;

/**
 * Every KNIME node of CrossDefect, described once: name, factory class, settings, ports and the
 * text of its node description. The KNIME bundle's factories, its plugin.xml, the node
 * description files and the workflow tests all follow this list.
 */
public final class NodeCatalog {

    /** The node-repository category every node sits in. */
    public static final String CATEGORY_PATH = "/community/crossdefect";
    public static final String KNIME_PACKAGE = "org.crossdefect.knime.nodes";
    public static final String PAPER = "Bühler et al., Domain-independent detection of known anomalies (preML / "
            + "KIT): the datasets hole, cut and color, Labeled PatchCore and SEMLP";

    /** A port kind: a KNIME data table or one of CrossDefect's port types. */
    public enum PortKind {
        TABLE, BACKBONE, EMBEDDINGS, MODEL
    }

    /**
     * @param columns the table's columns (for table ports whose layout is fixed), else empty
     */
    public record Port(String name, PortKind kind, String description, List<Column> columns, boolean optional) {
        public Port {
            columns = List.copyOf(columns);
        }

        public Port(String name, PortKind kind, String description, List<Column> columns) {
            this(name, kind, description, columns, false);
        }

        public Port optionalPort(String why) {
            return new Port(name, kind, description + " Optional: " + why, columns, true);
        }
    }

    /**
     * @param id the factory's simple name without "NodeFactory"
     * @param method the method of a Learner or Predictor, else null
     */
    public record Node(String id, String name, String type, String shortDescription, String intro,
            List<Parameter> parameters, List<Port> inputs, List<Port> outputs, String method) {

        public Node {
            parameters = List.copyOf(parameters);
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        public String factoryClass() {
            return KNIME_PACKAGE + "." + id + "NodeFactory";
        }
    }

    private NodeCatalog() {
    }

    static final Port IMAGES = new Port("Images", PortKind.TABLE, "One row per image of the split with its role "
            + "(train, validation, test, target_shot).", ImageTable.COLUMNS);
    static final Port BACKBONE = new Port("Backbone", PortKind.BACKBONE, "The backbone (architecture, weights, "
            + "layers, device) with its id, embedding dimension and patch grid.", List.of());
    static final Port EMBEDDINGS = new Port("Patch Embeddings", PortKind.EMBEDDINGS, "The images' patch "
            + "embeddings in the embedding store, with the image table and the backbone.", List.of());
    static final Port MODEL = new Port("CrossDefect Model", PortKind.MODEL, "A trained model (PatchCore, Labeled "
            + "PatchCore, SEMLP or a k-shot method) in CrossDefect's checksummed model format.", List.of());
    static final Port PREDICTIONS = new Port("Predictions", PortKind.TABLE, "One row per test (and validation) "
            + "image: score, predicted label and defect type, threshold, heatmap.", PredictionTable.COLUMNS);
    static final Port DATASETS = new Port("Datasets", PortKind.TABLE, "One row per dataset with its mapping file "
            + "and root.", SyntheticDataNode.COLUMNS);

    /** @return every node, in the order the node repository lists them */
    public static List<Node> nodes(MethodRegistry methods) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node("SyntheticDefectData", "Synthetic Defect Data", "Source",
                "Writes a synthetic MVTec-style tree: 5 kinds of objects with holes, cuts and colour stains.",
                "Writes an MVTec AD-style folder of five clearly different categories (fabric, wood, tiles, stone, "
                        + "disc) with three defect kinds drawn the same way on every category (hole, cut, color) and "
                        + "exact masks, plus the mapping files hole.csv, cut.csv and color.csv. An existing tree is "
                        + "reused. It lets every CrossDefect workflow run without any data.",
                SyntheticDataNode.PARAMETERS, List.of(), List.of(DATASETS), null));
        nodes.add(new Node("DomainSplitReader", "Domain Split Reader", "Source",
                "Reads an MVTec-layout tree and splits one dataset: train on the other categories, test the target.",
                "Reads an MVTec AD-layout root and makes the paper's leave-one-domain-out split of a dataset (hole, "
                        + "cut, color or your own mapping file): the target category's test images are to be "
                        + "predicted, the other categories' good images and half of their defect images train, the "
                        + "rest validates. Without a dataset, one category's train/ and test/ folders. A few good "
                        + "images of the target from its train/good (target-shots, default 10; never its test "
                        + "images) are listed with role target_shot for the k-shot Learners; the paper's methods "
                        + "ignore them. Every image and mask is decoded first; problems (corrupt files, missing or "
                        + "non-binary masks, absent folders) are listed with their fix.",
                DomainSplitReaderNode.PARAMETERS, List.of(DATASETS.optionalPort("with an empty root setting, the "
                        + "root and the chosen dataset's mapping file come from it.")), List.of(IMAGES,
                        new Port("Problems", PortKind.TABLE,
                        "Every problem of the images used, with its fix; empty for a clean tree.",
                        DomainSplitReaderNode.PROBLEM_COLUMNS)), null));
        nodes.add(new Node("BackboneLoader", "Backbone Loader", "Source",
                "Loads a pretrained backbone (MobileNet, ResNet, Wide-ResNet50-2, ViT-B/8, TorchScript).",
                "Loads the backbone whose intermediate feature maps become patch embeddings (3x3 average pooling, "
                        + "deeper maps upsampled, concatenated), from a safetensors file with torchvision/timm "
                        + "names or a TorchScript file. The paper uses Wide-ResNet50-2 (layers 2 and 3) and "
                        + "ViT-B/8; MobileNetV1 is the light default. The device is auto (first GPU, else CPU), cpu "
                        + "or gpu:N; a GPU needs a CUDA libtorch (see the README).",
                BackboneLoaderNode.PARAMETERS, List.of(), List.of(BACKBONE), null));
        nodes.add(new Node("PatchEmbedder", "Patch Embedder", "Manipulator",
                "Computes the patch embeddings of every image of the table into the embedding store.",
                "Runs every image of the table through the backbone and stores its patch embeddings (and its "
                        + "mask's patch fractions) in the embedding store, keyed by image content: an image is "
                        + "embedded once for every node and run. Progress per batch; cancelling keeps what is done.",
                PatchEmbedderNode.PARAMETERS, List.of(BACKBONE, IMAGES), List.of(EMBEDDINGS), null));
        for (Method<?> m : nodeMethods(methods)) {
            String title = m.title();
            nodes.add(new Node(javaName(m.id()) + "Learner", title + " Learner", "Learner",
                    "Trains " + title + " on the train images of the patch embeddings.",
                    m.description() + " Trains on the images with role train (a method that watches a validation "
                            + "loss also uses the validation images). When the test images are of a category the "
                            + "model does not train on, training follows the paper's cross-category protocol (the "
                            + "PatchCore family divides its coreset ratio by the number of source categories)."
                            + (m.needs().usesTargetShots() ? " It learns the new object's normal look from the rows "
                                    + "with role target_shot: good images of the target from its train/good, never "
                                    + "its test images; their number is the Domain Split Reader's target-shots "
                                    + "setting (default 10)." : ""),
                    LearnerNode.parameters(m), List.of(EMBEDDINGS), List.of(MODEL), m.id()));
            nodes.add(new Node(javaName(m.id()) + "Predictor", title + " Predictor", "Predictor",
                    "Scores the test images with a " + title + " model: score, label, defect type, heatmap.",
                    "Scores every test image (and validation image) of the patch embeddings with the model: the "
                            + "image's anomaly score, the predicted label (the model's own decision, or score >= "
                            + "threshold), the predicted defect type (SEMLP with a type head) and the heatmap "
                            + "overlay as a PNG cell. The rows equal the command line's predictions CSV."
                            + (hasGoodOnlyThreshold(m) ? " The model's thresholds come from the target's good "
                                    + "images alone: predicted_label at its target false-positive rate, and the "
                                    + "decision column good / review / reject." : ""),
                    PredictorNode.PARAMETERS, List.of(MODEL, EMBEDDINGS), List.of(PREDICTIONS), m.id()));
        }
        nodes.add(new Node("AnomalyScorer", "Anomaly Scorer", "Other",
                "Image AUROC, pixel AUROC and F1 per threshold rule and target domain of a predictions table.",
                "Computes the figures of predictions per target domain: image AUROC, pixel AUROC (test images with "
                        + "masks) and, for each threshold rule, the threshold and the F1, precision, recall and "
                        + "false positive rate it gives: target-tuned-f1 (the paper's; it needs target anomalies, "
                        + "an upper bound), source-validation-f1 and target-good-quantile (target-free).",
                AnomalyScorerNode.PARAMETERS, List.of(PREDICTIONS), List.of(new Port("Figures", PortKind.TABLE,
                        "One row per target and threshold rule.", AnomalyScorerNode.COLUMNS)), null));
        nodes.add(new Node("DomainBenchmark", "Domain Benchmark", "Other",
                "The paper's whole protocol: every dataset, every target, every method, every seed.",
                "Runs the paper's protocol on the datasets of its input: each category of each dataset in turn is "
                        + "the unseen target, every method trains on the others and predicts the target, once per "
                        + "seed; every image is embedded once. Outputs the image AUROC table in the shape of the "
                        + "paper's Table 4, every summary table in long form and the figures of every run, ready "
                        + "for an Excel Writer.",
                DomainBenchmarkNode.PARAMETERS, List.of(DATASETS), List.of(new Port("Image AUROC", PortKind.TABLE,
                        "Mean ± std over seeds per target, dataset means and the overall mean, per method.",
                        List.of()), new Port("Summaries", PortKind.TABLE, "Every summary table (image and pixel "
                                + "AUROC, F1 per threshold rule) in long form.", DomainBenchmarkNode.LONG_COLUMNS),
                        new Port("Runs", PortKind.TABLE, "The figures of every (dataset, target, method, seed).",
                                DomainBenchmarkNode.RUN_COLUMNS)), null));
        return nodes;
    }

    /** @return whether the method's models decide from thresholds set on the target's good images alone */
    public static boolean hasGoodOnlyThreshold(Method<?> m) {
        return m.parameters().contains(org.crossdefect.core.adapt.GoodOnlyThreshold.TARGET_FPR);
    }

    /** @return "labeled-patchcore" as "LabeledPatchCore" (for class names) */
    static String javaName(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            String p = part.equals("patchcore") ? "PatchCore" : part.equals("semlp") ? "Semlp" : part;
            out.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        }
        return out.toString();
    }

    /**
     * @return the methods that get a Learner and a Predictor node: those that train from the
     *     Patch Embeddings port (the k-shot methods from its target_shot rows too). The MIRO
     *     methods fine-tune the backbone from the images themselves; in KNIME they run through the
     *     Domain Benchmark node (named in its methods setting).
     */
    public static List<Method<?>> nodeMethods(MethodRegistry methods) {
        return methods.methods().stream().filter(m -> !m.finetunesBackbone()).toList();
    }
}
