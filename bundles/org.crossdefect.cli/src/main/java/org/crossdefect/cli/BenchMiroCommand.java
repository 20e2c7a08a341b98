package org.crossdefect.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.backbone.TrainableNetwork;
import org.crossdefect.core.image.Preprocessing;
import org.crossdefect.core.miro.MiroSettings;
import org.crossdefect.core.miro.MiroTrainer;
import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.settings.Parameters;

import ai.djl.ndarray.NDManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crossdefect bench miro}: MIRO fine-tuning step time (forward of network and oracle,
 * backward, both Adam groups) per backbone and batch size on random 224x224 batches, so the figure
 * is the training step alone (decode and augmentation run beside it in training), and the
 * process's resident memory over the steps of the first configuration.
 */
@Command(name = "miro", mixinStandardHelpOptions = true,
        description = {"MIRO step time for each of --backbones x --batches (real weights where the weights folder "
                + "has them, seeded random ones otherwise), and resident memory over --memory-steps steps.",
                "Last line: rss_growth_mb=<n> (resident memory after the last step minus after the tenth)."})
final class BenchMiroCommand implements Callable<Integer> {

    @Option(names = "--backbones", split = ",", defaultValue = "mobilenet_v1,resnet18",
            description = "Trainable backbones to time (default: ${DEFAULT-VALUE}).")
    List<String> backbones;

    @Option(names = "--batches", split = ",", defaultValue = "8,32", description = "Batch sizes (default: "
            + "${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--steps", defaultValue = "5", description = "Timed steps per configuration, after 2 warm-up "
            + "steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--memory-steps", defaultValue = "200", description = "Steps of the memory run (first backbone, "
            + "first batch size; default: ${DEFAULT-VALUE}; 0 skips it).")
    int memorySteps;

    @Option(names = "--weights-dir", description = "Folder with weights files (else random weights).")
    Path weightsDir;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        DjlRuntime.start(0);
        out.printf("threads=%d device=%s%n", Runtime.getRuntime().availableProcessors(), device);
        for (String name : backbones) {
            Architecture a = Architecture.parse(name);
            for (int batch : batches) {
                long[] nanos = run(a, batch, steps + 2, null);
                long[] timed = Arrays.copyOfRange(nanos, 2, nanos.length);
                Arrays.sort(timed);
                double ms = timed[timed.length / 2] / 1e6;
                out.printf("%s_batch%d_step_ms=%.0f (%.1f images/s, median of %d steps)%n", a.id(), batch, ms,
                        batch * 1000 / ms, timed.length);
            }
        }
        if (memorySteps > 0) {
            long[] rss = new long[memorySteps + 1];
            run(Architecture.parse(backbones.get(0)), batches.get(0), memorySteps, rss);
            int from = Math.min(10, memorySteps);
            for (int s = from; s <= memorySteps; s += Math.max(1, memorySteps / 10)) {
                out.printf("rss_after_step_%d_mb=%d%n", s, rss[s] >> 20);
            }
            out.printf("rss_growth_mb=%d%n", (rss[memorySteps] - rss[from]) >> 20);
        }
        return 0;
    }

    private long[] run(Architecture a, int batch, int count, long[] rss) throws Exception {
        BackboneSpec spec = BackboneSpec.of(a).withDevice(device).withWeightsDir(weightsDir);
        boolean real = weightsDir != null && weightsDir.resolve(a.weightsFileName()).toFile().isFile();
        if (!real) {
            spec = spec.withRandomWeights();
        }
        MiroSettings settings = MiroSettings.from(Parameters.of(MiroSettings.BATCH_SIZE.key(), batch));
        Preprocessing preprocessing = new Preprocessing(Backbone.RESIZE, Backbone.CROP, a.normalization());
        try (NDManager root = DjlRuntime.newManager(DjlRuntime.device(device));
                TrainableNetwork network = TrainableNetwork.load(spec, root);
                TrainableNetwork oracle = TrainableNetwork.load(spec, root)) {
            if (rss == null && batch == batches.get(0)) {
                out.printf("%s weights=%s%n", a.id(), real ? "file" : "random");
            }
            return new MiroTrainer(settings, preprocessing).timedSteps(network, oracle, count, 0, step -> {
                if (rss != null) {
                    rss[(int) step] = ResidentMemory.bytes();
                }
            });
        }
    }
}
