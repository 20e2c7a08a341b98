package org.crossdefect.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.coreset.CoresetBuilder;
import org.crossdefect.core.coreset.CoresetMode;
import org.crossdefect.core.coreset.CoresetSettings;
import org.crossdefect.core.coreset.MemoryBank;
import org.crossdefect.core.coreset.PatchFilter;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.SourceSplit;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.nn.NearestNeighbours;
import org.crossdefect.core.progress.Progress;

import ai.djl.ndarray.NDManager;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crossdefect bench coreset}: coreset time, peak memory and covering radius of bulk, online
 * and batch-wise sampling on one category's train/good embeddings. Each configuration runs in a
 * child JVM of its own, so its peak resident memory is its own.
 */
@Command(name = "coreset", mixinStandardHelpOptions = true,
        description = "Coreset time, peak resident memory and covering radius per mode and ratio (each in a child "
                + "process), on the train/good embeddings of --category.")
final class BenchCoresetCommand implements Callable<Integer> {

    @Mixin
    BackboneOptions backboneOptions;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--root", required = true, description = "MVTec-layout root.")
    Path root;

    @Option(names = "--category", required = true, description = "Category whose train/good images to use.")
    String category;

    @Option(names = "--modes", split = ",", defaultValue = "bulk,online,batch", description = "Modes to measure.")
    List<String> modes;

    @Option(names = "--ratios", split = ",", defaultValue = "0.01,0.1", description = "Coreset ratios.")
    List<Double> ratios;

    @Option(names = "--radius-sample", defaultValue = "10000",
            description = "Patches sampled for the covering radius (default: ${DEFAULT-VALUE}).")
    int radiusSample;

    @Option(names = "--one", hidden = true, description = "Internal: run one configuration mode:ratio.")
    String one;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        try (Backbone backbone = Backbone.load(backboneOptions.spec())) {
            List<ImageRecord> images = org.crossdefect.core.data.MvtecTree.open(root).images(category).stream()
                    .filter(r -> r.split() == SourceSplit.TRAIN).toList();
            EmbeddingExtractor extractor = EmbeddingExtractor.create(backbone, storeOption.path(), 8, 1);
            PatchSource source = extractor.embeddings(images, Progress.NONE);
            if (one != null) {
                return runOne(source, backbone);
            }
            out.printf("coreset benchmark: %d images x %d patches = %d embeddings of %d dims (%s)%n", source.images(),
                    source.patches(), source.images() * source.patches(), source.dim(), backbone.id());
            out.printf("%-7s %6s %8s %9s %10s %14s%n", "mode", "ratio", "size", "seconds", "peak_mb", "radius_sample");
            String last = "";
            for (double ratio : ratios) {
                for (String mode : modes) {
                    last = child(mode + ":" + ratio);
                    out.println(last);
                }
            }
            return 0;
        }
    }

    private String child(String config) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx8g");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrossDefectCommand.class.getName());
        command.add("bench");
        command.add("coreset");
        command.add("--root=" + root);
        command.add("--category=" + category);
        command.add("--store=" + storeOption.path());
        command.add("--radius-sample=" + radiusSample);
        command.add("--one=" + config);
        command.addAll(backboneOptions.arguments());
        Process process = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = "";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String l; (l = reader.readLine()) != null;) {
                line = l;
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("coreset benchmark " + config + " failed (exit " + process.exitValue() + ")");
        }
        return line;
    }

    private int runOne(PatchSource source, Backbone backbone) throws Exception {
        String[] parts = one.split(":");
        CoresetSettings settings = CoresetSettings.of(CoresetMode.parse(parts[0]), Double.parseDouble(parts[1]), 0);
        try (NDManager manager = DjlRuntime.newManager(backbone.device())) {
            long start = System.nanoTime();
            MemoryBank bank = new CoresetBuilder(settings).build(source, PatchFilter.ALL, manager, Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = ResidentMemory.peakBytes();
            double radius = radius(source, bank, manager);
            out.printf("%-7s %6.3f %8d %9.1f %10.0f %14.3f%n", parts[0], settings.ratio(), bank.size(), seconds,
                    peak / 1048576.0, radius);
        }
        return 0;
    }

    /** Largest distance of a sampled patch to its nearest coreset member (seeded sample). */
    private double radius(PatchSource source, MemoryBank bank, NDManager manager) throws Exception {
        Random random = new Random(1);
        int perImage = Math.max(1, radiusSample / source.images());
        int dim = source.dim();
        float[] sample = new float[perImage * source.images() * dim];
        int n = 0;
        for (int i = 0; i < source.images(); i++) {
            float[] values = source.image(i).values();
            for (int k = 0; k < perImage; k++) {
                int p = random.nextInt(source.patches());
                System.arraycopy(values, p * dim, sample, n++ * dim, dim);
            }
        }
        try (NearestNeighbours nn = new NearestNeighbours(bank.vectors(), bank.size(), dim, manager.newSubManager())) {
            NearestNeighbours.Result r = nn.search(sample, n, 1);
            double max = 0;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, r.distance(i, 0));
            }
            return max;
        }
    }
}
