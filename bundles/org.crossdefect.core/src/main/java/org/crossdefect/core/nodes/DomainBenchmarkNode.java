package org.crossdefect.core.nodes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.crossdefect.core.benchmark.Benchmark;
import org.crossdefect.core.benchmark.BenchmarkSettings;
import org.crossdefect.core.benchmark.RunMetrics;
import org.crossdefect.core.data.DomainSplitter;
import org.crossdefect.core.error.IncompatibleException;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.eval.Evaluation;
import org.crossdefect.core.eval.ResultTable;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.workspace.MethodRegistry;

/**
 * Domain Benchmark: the paper's whole protocol in one node. Its input names the datasets (the
 * Synthetic Defect Data node's table, or any table with the columns dataset, mapping_file and
 * root); its outputs are the run folder's tables: the image AUROC summary (mean ± std over
 * seeds per target, dataset means, overall mean), every summary table in long form, and the
 * figures of every run.
 */
public final class DomainBenchmarkNode {

    public static final Parameter METHODS = new Parameter("methods", "", "Methods, separated by commas; empty: all "
            + "but the MIRO ones (miro, semlp-miro, patchcore-miro fine-tune the backbone: minutes per run; name them).");
    public static final Parameter SEEDS = new Parameter("seeds", "1", "Seeds 0..N-1: each draws another split and "
            + "training.");
    public static final Parameter TARGETS = new Parameter("targets", "", "Only these target domains (commas); "
            + "empty: every category of every dataset.");
    public static final Parameter TARGET_GOOD = new Parameter("target-good", "5", "Target good images the "
            + "target-free 'few good images' threshold may see.");
    public static final List<Parameter> PARAMETERS;

    static {
        List<Parameter> all = new ArrayList<>(List.of(METHODS, SEEDS, TARGETS, TARGET_GOOD));
        all.addAll(BackboneLoaderNode.PARAMETERS);
        all.addAll(PatchEmbedderNode.PARAMETERS);
        PARAMETERS = List.copyOf(all);
    }

    public static final List<Column> LONG_COLUMNS = List.of(
            new Column("table", ColumnType.STRING, "Image AUROC, Pixel AUROC or F1 <threshold rule>."),
            new Column("dataset", ColumnType.STRING, "The dataset (or 'all')."),
            new Column("target", ColumnType.STRING, "The target domain (or 'mean')."),
            new Column("method", ColumnType.STRING, "The method."),
            new Column("mean", ColumnType.DOUBLE, "Mean over seeds."),
            new Column("std", ColumnType.DOUBLE, "Standard deviation over seeds."));

    public static final List<Column> RUN_COLUMNS;

    static {
        List<Column> c = new ArrayList<>(List.of(
                new Column("dataset", ColumnType.STRING, "The dataset."),
                new Column("target", ColumnType.STRING, "The target domain."),
                new Column("method", ColumnType.STRING, "The method."),
                new Column("seed", ColumnType.INT, "The seed."),
                new Column("image_auroc", ColumnType.DOUBLE, "Image AUROC on the target's test images."),
                new Column("pixel_auroc", ColumnType.DOUBLE, "Pixel AUROC; missing without masks.")));
        for (String rule : Evaluation.RULES) {
            c.add(new Column("f1_" + rule, ColumnType.DOUBLE, "F1 with the " + rule + " threshold; missing where the "
                    + "rule could not decide."));
        }
        c.add(new Column("train_seconds", ColumnType.DOUBLE, "Training time."));
        RUN_COLUMNS = List.copyOf(c);
    }

    public record Settings(List<String> methods, int seeds, List<String> targets, int targetGood, Parameters backbone,
            PatchEmbedderNode.Settings store) {
    }

    /** The three output tables. */
    public record Output(Table imageAuroc, Table summaries, Table runs) {
    }

    private DomainBenchmarkNode() {
    }

    public static Settings settings(MethodRegistry methods, Parameters p) {
        p.requireKnown(PARAMETERS, "Domain Benchmark");
        List<String> chosen = list(p.text(METHODS));
        List<String> ids = chosen.isEmpty() ? methods.defaultIds() : chosen;
        ids.forEach(methods::get);
        int seeds = p.integer(SEEDS);
        InvalidSettingException.require(seeds >= 1, SEEDS.key(), "at least one seed, got " + seeds);
        Parameters backboneValues = p.only(BackboneLoaderNode.PARAMETERS);
        BackboneLoaderNode.spec(backboneValues);
        return new Settings(ids, seeds, list(p.text(TARGETS)), p.integer(TARGET_GOOD), backboneValues,
                PatchEmbedderNode.settings(p.only(PatchEmbedderNode.PARAMETERS)));
    }

    /**
     * @param datasets rows with the columns dataset, mapping_file (may be missing: then the
     *     dataset is a built-in name) and root
     */
    public static Output run(MethodRegistry methods, Table datasets, Settings s, Progress progress)
            throws IOException {
        for (String needed : List.of("dataset", "mapping_file", "root")) {
            if (datasets.indexOf(needed) < 0) {
                throw new IncompatibleException("the datasets table lacks the column '" + needed + "'; connect the "
                        + "Synthetic Defect Data node, or a table with dataset, mapping_file and root");
            }
        }
        Set<String> roots = new LinkedHashSet<>();
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < datasets.rows().size(); i++) {
            roots.add((String) datasets.cell(i, "root"));
            String file = (String) datasets.cell(i, "mapping_file");
            specs.add(file == null || file.isBlank() ? (String) datasets.cell(i, "dataset") : file);
        }
        InvalidSettingException.require(roots.size() == 1, "root", "the datasets table names " + roots.size()
                + " roots " + roots + "; one benchmark runs on one MVTec root");
        BenchmarkSettings settings = new BenchmarkSettings(Path.of(roots.iterator().next()), specs, s.methods(),
                s.seeds(), BackboneLoaderNode.spec(s.backbone()), Parameters.NONE,
                DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION, s.targetGood(), s.targets());
        Benchmark.Result result = Benchmark.run(new Benchmark.Job(settings, s.store().store(), s.store().batch(), null,
                false), methods, progress);
        return new Output(summary(result.tables().get(0)), longForm(result.tables(), s.methods()),
                runs(result.metrics()));
    }

    /** The image AUROC table as the CLI prints it, with the mean and std columns as numbers. */
    static Table summary(ResultTable table) {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            String name = table.columns().get(c);
            boolean number = c >= 2 && (name.endsWith(" mean") || name.endsWith(" std"));
            columns.add(new Column(name, number ? ColumnType.DOUBLE : ColumnType.STRING, c < 2 ? name
                    : number ? name + " over seeds" : "mean ± std over seeds, as text"));
        }
        return new Table(columns, table.rows());
    }

    static Table longForm(List<ResultTable> tables, List<String> methods) {
        List<List<Object>> rows = new ArrayList<>();
        for (ResultTable t : tables) {
            for (int r = 0; r < t.rows().size(); r++) {
                for (String m : methods) {
                    int mean = t.columns().indexOf(org.crossdefect.core.eval.Summary.meanColumn(m));
                    if (mean < 0) {
                        continue;
                    }
                    rows.add(Arrays.<Object>asList(t.title(), t.rows().get(r).get(0), t.rows().get(r).get(1), m,
                            t.rows().get(r).get(mean), t.rows().get(r).get(mean + 1)));
                }
            }
        }
        return new Table(LONG_COLUMNS, rows);
    }

    static Table runs(List<RunMetrics> metrics) {
        List<List<Object>> rows = new ArrayList<>();
        for (RunMetrics m : metrics) {
            List<Object> row = new ArrayList<>(Arrays.<Object>asList(m.run().dataset(), m.run().target(), m.run().method(),
                    (int) m.run().seed(), m.imageAuroc(), m.pixelAuroc()));
            for (String rule : Evaluation.RULES) {
                row.add(m.metrics().containsKey(rule) ? m.metrics().get(rule).f1() : null);
            }
            row.add(m.run().trainSeconds());
            rows.add(row);
        }
        return new Table(RUN_COLUMNS, rows);
    }

    static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }
}
