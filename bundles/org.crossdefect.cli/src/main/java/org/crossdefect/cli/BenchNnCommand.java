package org.crossdefect.cli;

import java.io.PrintStream;
import java.util.Random;
import java.util.concurrent.Callable;

import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.nn.NearestNeighbours;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crossdefect bench nn}: nearest-neighbour scoring throughput (patches/s) next to this
 * machine's plain matrix-product speed measured in the same run, so the fraction of the
 * hardware's matmul rate the search reaches is visible.
 */
@Command(name = "nn", mixinStandardHelpOptions = true,
        description = "Patches/s of exact nearest-neighbour search against a memory bank, and the fraction of this "
                + "machine's measured matmul GFLOP/s it reaches. Last line: nn_fraction_of_matmul=<ratio>.")
final class BenchNnCommand implements Callable<Integer> {

    @Option(names = "--bank", defaultValue = "16400", description = "Memory bank size (default: ${DEFAULT-VALUE}, "
            + "10 % of bottle's 209 x 784 patches).")
    int bank;

    @Option(names = "--dim", defaultValue = "768", description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--queries", defaultValue = "6272", description = "Query patches per round (default: "
            + "${DEFAULT-VALUE} = 8 images x 784).")
    int queries;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        Device d = DjlRuntime.device(device);
        Random random = new Random(3);
        float[] bankValues = new float[bank * dim];
        float[] queryValues = new float[queries * dim];
        for (int i = 0; i < bankValues.length; i++) {
            bankValues[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < queryValues.length; i++) {
            queryValues[i] = (float) random.nextGaussian();
        }
        double matmul = matmulGflops(d);
        try (NearestNeighbours nn = new NearestNeighbours(bankValues, bank, dim, DjlRuntime.newManager(d))) {
            nn.search(queryValues, queries, 1);
            long start = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                nn.search(queryValues, queries, 1);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double patchesPerSecond = (double) queries * rounds / seconds;
            double gflops = 2.0 * queries * bank * dim * rounds / seconds / 1e9;
            double matmulAgain = matmulGflops(d);
            double reference = (matmul + matmulAgain) / 2;
            out.printf("bank=%d dim=%d queries=%d device=%s%n", bank, dim, queries, d);
            out.printf("matmul_gflops=%.1f (before %.1f, after %.1f)%n", reference, matmul, matmulAgain);
            out.printf("nn_patches_per_s=%.0f (%.2f images/s of 784 patches)%n", patchesPerSecond,
                    patchesPerSecond / 784);
            out.printf("nn_gflops=%.1f%n", gflops);
            out.printf("nn_fraction_of_matmul=%.3f%n", gflops / reference);
        }
        return 0;
    }

    /** GFLOP/s of a plain [queries x dim] x [dim x bank] product on the device. */
    private double matmulGflops(Device d) throws Exception {
        try (NDManager manager = DjlRuntime.newManager(d)) {
            NDArray a = manager.randomNormal(new Shape(queries, dim));
            NDArray b = manager.randomNormal(new Shape(dim, Math.min(bank, 16384)));
            a.matMul(b).close();
            long start = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                // DJL runs CPU operations synchronously: the product is complete when matMul returns.
                a.matMul(b).close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return 2.0 * queries * dim * b.getShape().get(1) * rounds / seconds / 1e9;
        }
    }
}
