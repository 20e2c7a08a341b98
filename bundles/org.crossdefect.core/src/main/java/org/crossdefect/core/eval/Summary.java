package org.crossdefect.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Summarises one metric over seeds in the shape of the paper's Tables 2 and 4: one row per
 * (dataset, target domain), a "mean" row per dataset, and an overall "mean" row (dataset
 * {@value #ALL}); one group of columns per method. Each cell is {@link MeanStd} over seeds
 * (sample std, n - 1; 0 for one seed).
 *
 * <p>Columns: {@value #DATASET}, {@value #TARGET}, then per method (in order of first
 * appearance) {@code M} ("mean ± std" text), {@code M mean} and {@code M std} (numbers).
 *
 * <p>Average rows: for each seed, the metric is averaged over the targets (each target weighs
 * the same; the overall row averages every (dataset, target) row, not the dataset averages), then
 * mean ± std is taken over those per-seed averages. Only seeds that every averaged target has are
 * used; if a method lacks a target of the group, or no seed is common, its average cell is empty.
 */
public final class Summary {

    public static final String DATASET = "dataset";
    public static final String TARGET = "target";
    /** Target name of average rows. */
    public static final String MEAN = "mean";
    /** Dataset name of the overall average row. */
    public static final String ALL = "all";

    /** One number: a metric of one method on one target domain of one dataset for one seed. */
    public record Result(String dataset, String target, String method, long seed, double value) {
        public Result {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(method, "method");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(dataset + "/" + target + "/" + method + " seed " + seed
                        + ": value is " + value);
            }
        }
    }

    private record Key(String dataset, String target) {
    }

    private Summary() {
    }

    /** The column holding the "mean ± std" text of a method. */
    public static String textColumn(String method) {
        return method;
    }

    public static String meanColumn(String method) {
        return method + " mean";
    }

    public static String stdColumn(String method) {
        return method + " std";
    }

    /**
     * @return the table with only the dataset, target and "mean ± std" text columns of the
     *     methods: how people read it (the mean and std columns are for spreadsheets)
     */
    public static ResultTable textView(ResultTable table, List<String> methods) {
        List<String> columns = new ArrayList<>(List.of(DATASET, TARGET));
        methods.stream().map(Summary::textColumn).filter(table.columns()::contains).forEach(columns::add);
        return table.select(columns);
    }

    /**
     * @param title the table's title, e.g. "Image AUROC"
     * @param results every (dataset, target, method, seed) at most once
     * @param decimals decimals of the "mean ± std" text
     */
    public static ResultTable table(String title, List<Result> results, int decimals) {
        // method -> (dataset, target) -> seed -> value, all in order of first appearance
        Map<String, Map<Key, Map<Long, Double>>> byMethod = new LinkedHashMap<>();
        Map<String, Set<Key>> targetsByDataset = new LinkedHashMap<>();
        for (Result r : results) {
            Key key = new Key(r.dataset(), r.target());
            targetsByDataset.computeIfAbsent(r.dataset(), d -> new LinkedHashSet<>()).add(key);
            Double old = byMethod.computeIfAbsent(r.method(), m -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.seed(), r.value());
            if (old != null) {
                throw new IllegalArgumentException("two results for " + r.dataset() + "/" + r.target() + "/"
                        + r.method() + " seed " + r.seed());
            }
        }
        List<String> methods = new ArrayList<>(byMethod.keySet());
        List<String> columns = new ArrayList<>(List.of(DATASET, TARGET));
        for (String m : methods) {
            columns.add(textColumn(m));
            columns.add(meanColumn(m));
            columns.add(stdColumn(m));
        }
        List<List<Object>> rows = new ArrayList<>();
        List<Key> allTargets = new ArrayList<>();
        for (Map.Entry<String, Set<Key>> dataset : targetsByDataset.entrySet()) {
            for (Key key : dataset.getValue()) {
                List<Object> row = new ArrayList<>(List.of(key.dataset(), key.target()));
                for (String m : methods) {
                    Map<Long, Double> seeds = byMethod.get(m).get(key);
                    addCells(row, seeds == null ? null : MeanStd.of(values(seeds)), decimals);
                }
                rows.add(row);
                allTargets.add(key);
            }
            rows.add(averageRow(dataset.getKey(), List.copyOf(dataset.getValue()), methods, byMethod, decimals));
        }
        if (!allTargets.isEmpty()) {
            rows.add(averageRow(ALL, allTargets, methods, byMethod, decimals));
        }
        return new ResultTable(title, columns, rows);
    }

    private static List<Object> averageRow(String dataset, List<Key> targets, List<String> methods,
            Map<String, Map<Key, Map<Long, Double>>> byMethod, int decimals) {
        List<Object> row = new ArrayList<>(List.of(dataset, MEAN));
        for (String m : methods) {
            addCells(row, average(targets, byMethod.get(m)), decimals);
        }
        return row;
    }

    /** Per seed, the mean over targets; then mean ± std over seeds. Null if not comparable. */
    private static MeanStd average(List<Key> targets, Map<Key, Map<Long, Double>> results) {
        Set<Long> common = null;
        for (Key key : targets) {
            Map<Long, Double> seeds = results.get(key);
            if (seeds == null) {
                return null;
            }
            if (common == null) {
                common = new TreeSet<>(seeds.keySet());
            } else {
                common.retainAll(seeds.keySet());
            }
        }
        if (common == null || common.isEmpty()) {
            return null;
        }
        double[] perSeed = new double[common.size()];
        int i = 0;
        for (long seed : common) {
            double sum = 0;
            for (Key key : targets) {
                sum += results.get(key).get(seed);
            }
            perSeed[i++] = sum / targets.size();
        }
        return MeanStd.of(perSeed);
    }

    private static void addCells(List<Object> row, MeanStd ms, int decimals) {
        if (ms == null) {
            row.add(null);
            row.add(null);
            row.add(null);
        } else {
            row.add(ms.format(decimals));
            row.add(ms.mean());
            row.add(ms.std());
        }
    }

    private static double[] values(Map<Long, Double> seeds) {
        return seeds.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
