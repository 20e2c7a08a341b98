package org.crossdefect.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.crossdefect.core.benchmark.Benchmark;
import org.crossdefect.core.benchmark.BenchmarkSettings;
import org.crossdefect.core.data.DomainSplitter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossdefect benchmark}: the paper's protocol on a tree, into a run folder. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"The paper's protocol: for every dataset, every category in turn is the unseen target; every "
                + "method trains on the others and predicts the target, once per seed.",
                "Writes predictions.csv, the summary tables (CSV and summary.xlsx), ROC curves, heatmaps, report.md "
                        + "and manifest.properties into --out; prints the image AUROC table."})
final class BenchmarkCommand implements Callable<Integer>, CrossDefectCommand.Cancellable {

    @Option(names = "--root", required = true, description = "MVTec-layout root.")
    Path root;

    @Option(names = "--dataset", required = true, split = ",", description = "hole, cut, color and/or mapping files "
            + "(repeat or separate with commas).")
    List<String> datasets;

    @Option(names = "--methods", split = ",", completionCandidates = MethodIds.class,
            description = "Methods (default: all: ${COMPLETION-CANDIDATES}).")
    List<String> methods;

    @Option(names = "--targets", split = ",", description = "Only these target domains (default: every category "
            + "of every dataset).")
    List<String> targets;

    @Option(names = "--seeds", defaultValue = "1", description = "Seeds 0..N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--out", required = true, description = "Run folder to write.")
    Path out;

    @Option(names = "--overwrite", description = "Replace --out if it exists.")
    boolean overwrite;

    @Mixin
    MethodOptions methodOptions;

    @Option(names = "--target-good", defaultValue = "5", description = "Target good images the target-free "
            + "'few good images' threshold may see (default: ${DEFAULT-VALUE}).")
    int targetGood;

    @Option(names = "--batch", defaultValue = "8", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    BackboneOptions backboneOptions;

    @Mixin
    StoreOption storeOption;

    @Override
    public Integer call() throws Exception {
        BenchmarkSettings settings = new BenchmarkSettings(root, datasets,
                methods == null ? CrossDefectCommand.ENGINE.methods().defaultIds() : methods, seeds, backboneOptions.spec(),
                methodOptions.parameters(), DomainSplitter.DEFAULT_ANOMALY_TRAIN_FRACTION, targetGood,
                targets == null ? List.of() : targets);
        return BenchmarkExecution.run(new Benchmark.Job(settings, storeOption.path(), batch, out, overwrite));
    }

    @Override
    public String cancelled() {
        return BenchmarkExecution.CANCELLED;
    }
}
