package org.crossdefect.core.nodes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.data.ImageSelection;
import org.crossdefect.core.data.InvalidDatasetException;
import org.crossdefect.core.data.MvtecTree;
import org.crossdefect.core.data.Role;
import org.crossdefect.core.data.ValidationProblem;
import org.crossdefect.core.data.ValidationReport;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

/**
 * Domain Split Reader: an MVTec-layout root and a dataset (hole, cut, color or a mapping file)
 * with a target domain, or one category, to the image table (one row per image with its role)
 * and the validation report (one row per problem of the tree).
 */
public final class DomainSplitReaderNode {

    public static final Parameter ROOT = new Parameter("root", "", "The MVTec-layout root: one folder per category; "
            + "empty: the root of the optional Datasets input (e.g. from Synthetic Defect Data).");
    public static final Parameter DATASET = new Parameter("dataset", "hole", "hole, cut, color, or the path of a "
            + "mapping CSV (category,folder[,defect_type]); empty to read one category. With the Datasets input, the "
            + "name of one of its rows (its mapping file is used).");
    public static final Parameter TARGET = new Parameter("target", "", "With a dataset: the held-out category "
            + "(the unseen domain) whose test images are predicted.");
    public static final Parameter CATEGORY = new Parameter("category", "", "Without a dataset: the one category "
            + "(its train/ images train, its test/ images are predicted).");
    public static final Parameter SEED = new Parameter("seed", "0", "Seed of the split: which source defect images "
            + "train.");
    public static final Parameter FRACTION = new Parameter("anomaly-train-fraction", ""
            + DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION, "Fraction of each source folder's defect images that "
            + "train (the rest validate).");
    public static final Parameter TARGET_SHOTS = new Parameter("target-shots", "10", "Good images of the target "
            + "object (from its train/good, drawn with the seed, never its test images) listed with role "
            + "target_shot, for the k-shot Learners to learn its normal look from; the paper's methods ignore them. "
            + "0: none (the paper's strict protocol). Only with a dataset: with one category its good images train "
            + "already.");
    public static final Parameter FAIL_ON_PROBLEMS = new Parameter("fail-on-problems", "true", "Fail when the tree "
            + "has problems (naming the first ones); false: output the problems and warn.");
    public static final List<Parameter> PARAMETERS = List.of(ROOT, DATASET, TARGET, CATEGORY, SEED, FRACTION,
            TARGET_SHOTS, FAIL_ON_PROBLEMS);

    public static final List<Column> PROBLEM_COLUMNS = List.of(
            new Column("path", ColumnType.STRING, "The file or folder with the problem."),
            new Column("problem", ColumnType.STRING, "The kind of problem."),
            new Column("detail", ColumnType.STRING, "What exactly was found."),
            new Column("fix", ColumnType.STRING, "What to do about it."));

    /** How many problems a failure message names. */
    static final int NAMED_PROBLEMS = 5;

    /** @param targetShots how many good images of the target to list with role target_shot */
    public record Settings(ImageSelection selection, int targetShots, boolean failOnProblems) {
    }

    /** @param warning null, or why the output is to be taken with care */
    public record Output(Table images, Table problems, String warning) {
    }

    private DomainSplitReaderNode() {
    }

    /** @throws InvalidSettingException naming the setting (at configure time in KNIME) */
    public static Settings settings(Parameters p) {
        return settings(p, null);
    }

    /**
     * @param datasets the optional Datasets input (columns dataset, mapping_file, root), or null:
     *     with an empty root setting, the root and the dataset's mapping file come from it
     * @throws InvalidSettingException naming the setting (at configure time in KNIME)
     */
    public static Settings settings(Parameters p, Table datasets) {
        p.requireKnown(PARAMETERS, "Domain Split Reader");
        String root = p.text(ROOT).trim();
        String dataset = p.text(DATASET).trim();
        if (root.isEmpty() && datasets != null) {
            for (int i = 0; i < datasets.rows().size(); i++) {
                if (dataset.equals(datasets.cell(i, "dataset"))) {
                    root = (String) datasets.cell(i, "root");
                    dataset = (String) datasets.cell(i, "mapping_file");
                }
            }
            InvalidSettingException.require(!root.isEmpty(), DATASET.key(), "the Datasets input has no dataset '"
                    + dataset + "'; choose one of " + datasets.rows().stream().map(r -> r.get(0)).toList());
        }
        InvalidSettingException.require(!root.isEmpty(), ROOT.key(), "give the MVTec-layout root (the folder that "
                + "holds one folder per category), or connect a Datasets table");
        String target = p.text(TARGET).trim();
        String category = p.text(CATEGORY).trim();
        ImageSelection selection = new ImageSelection(Path.of(root), category.isEmpty() ? null : category,
                dataset.isEmpty() ? null : dataset, target.isEmpty() ? null : target, p.integer(SEED), p.number(FRACTION))
                .requireTrainAndTest();
        int shots = p.integer(TARGET_SHOTS);
        InvalidSettingException.require(shots >= 0, TARGET_SHOTS.key(), "target-shots must be 0 or more, got " + shots);
        return new Settings(selection, shots, p.bool(FAIL_ON_PROBLEMS));
    }

    /**
     * Validates the images the selection uses (every image and mask decoded) and splits.
     *
     * @throws InvalidDatasetException with every problem when failing on problems
     */
    public static Output run(Settings s, int threads, Progress progress) throws IOException {
        ImageSelection sel = s.selection();
        MvtecTree tree = MvtecTree.open(sel.root());
        ValidationReport report = sel.validate(tree, threads, progress);
        List<List<Object>> problems = new ArrayList<>();
        for (ValidationProblem problem : report.problems()) {
            problems.add(Arrays.<Object>asList(problem.path().toString(), problem.kind().name().toLowerCase(),
                    problem.detail(), problem.kind().fix()));
        }
        Table problemTable = new Table(PROBLEM_COLUMNS, problems);
        if (!report.isValid()) {
            if (s.failOnProblems()) {
                throw new InvalidDatasetException(new ValidationReport(report.problems().subList(0,
                        Math.min(NAMED_PROBLEMS, report.problems().size()))));
            }
            return new Output(new Table(ImageTable.COLUMNS, List.of()), problemTable, report.problems().size()
                    + " problems in the tree (see the second output); no image is listed until they are fixed");
        }
        ImageSelection.Selected selected = sel.select(tree);
        List<List<Object>> rows = new ArrayList<>();
        rows.addAll(ImageTable.of(selected.train(), Role.TRAIN).rows());
        rows.addAll(ImageTable.of(selected.validation(), Role.VALIDATION).rows());
        rows.addAll(ImageTable.of(selected.test(), Role.TEST).rows());
        if (selected.crossCategory()) {
            rows.addAll(ImageTable.of(sel.targetShots(tree, s.targetShots()), Role.TARGET_SHOT).rows());
        }
        return new Output(new Table(ImageTable.COLUMNS, rows), problemTable, null);
    }
}
