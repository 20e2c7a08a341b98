package org.crossdefect.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.crossdefect.core.benchmark.Benchmark;
import org.crossdefect.core.benchmark.BenchmarkSettings;
import org.crossdefect.core.error.OutputExistsException;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crossdefect demo}: the product in one command, with nothing but the build and the
 * default backbone's weights: synthetic hole/cut/color data, then the paper's benchmark on it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generates the synthetic hole/cut/color data (if absent), runs the benchmark with the strict "
                + "methods and k-shot PatchCore (or --methods) and one seed on the default backbone, prints "
                + "the AUROC table and writes the run folder.")
final class DemoCommand implements Callable<Integer>, CrossDefectCommand.Cancellable {

    @Option(names = "--out", defaultValue = "crossdefect-demo", description = "Run folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--data", description = "Where the synthetic data lives (default: ~/.crossdefect/demo-data).")
    Path data;

    @Option(names = "--overwrite", description = "Replace --out if it exists.")
    boolean overwrite;

    /**
     * The paper's three strict methods and k-shot PatchCore (the adapted track, about as cheap as
     * PatchCore), side by side. With labeled-patchcore-kshot the demo took 529 s instead of the
     * strict three's 216 s on 2 cores, all six 720 s: those stay a --methods away.
     */
    static final List<String> DEFAULT_METHODS = List.of("semlp", "patchcore", "labeled-patchcore",
            "patchcore-kshot");

    @Option(names = "--methods", split = ",", completionCandidates = MethodIds.class,
            description = "Methods to run (default: semlp, patchcore, labeled-patchcore, patchcore-kshot).")
    List<String> methods;

    /**
     * The MIRO methods fine-tune the backbone once per target (15 targets): the demo already
     * takes over 3 minutes without them on 2 cores, so they are added on request.
     */
    static final List<String> MIRO_METHODS = List.of("miro", "semlp-miro", "patchcore-miro");

    @Option(names = "--with-miro", description = "Also run miro, semlp-miro and patchcore-miro (one MIRO fine-tuning "
            + "per target; adds minutes per target on a CPU).")
    boolean withMiro;

    @Mixin
    BackboneOptions backboneOptions;

    @Mixin
    StoreOption storeOption;

    @Override
    public Integer call() throws Exception {
        Path root = data != null ? data : Path.of(System.getProperty("user.home"), ".crossdefect", "demo-data");
        if (!overwrite && Files.exists(out)) {
            throw new OutputExistsException(out);
        }
        if (!Files.isRegularFile(root.resolve("hole.csv"))) {
            System.out.println("Generating the synthetic data in " + root + " ...");
            try (ConsoleProgress progress = new ConsoleProgress(System.err)) {
                SyntheticMvtecGenerator.generate(SynthSpec.standard(), root, true, progress);
            }
        }
        List<String> datasets = List.of(root.resolve("hole.csv").toString(), root.resolve("cut.csv").toString(),
                root.resolve("color.csv").toString());
        List<String> chosen = new java.util.ArrayList<>(methods == null ? DEFAULT_METHODS : methods);
        if (withMiro) {
            MIRO_METHODS.stream().filter(m -> !chosen.contains(m)).forEach(chosen::add);
        }
        BenchmarkSettings settings = BenchmarkSettings.of(root, datasets, chosen, 1, backboneOptions.spec());
        return BenchmarkExecution.run(new Benchmark.Job(settings, storeOption.path(), 8, out, overwrite));
    }


    @Override
    public String cancelled() {
        return BenchmarkExecution.CANCELLED;
    }
}
