package org.crossdefect.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.data.DatasetMapping;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crossdefect synth}: writes a synthetic MVTec-style tree with hole, cut and color defects. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic dataset in the MVTec AD layout: clearly different categories "
                + "with hole, cut and color defects and exact masks, plus a mapping file <kind>.csv per defect kind.",
                "Default: 5 categories (fabric, wood, tiles, stone, disc) x hole, cut, color. "
                        + "--paper-shaped writes the paper's categories, defect folders and test counts instead, "
                        + "so the built-in datasets hole, cut and color apply."})
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Folder to write (must not exist unless --overwrite).")
    Path outFolder;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "" + SynthSpec.DEFAULT_IMAGE_SIZE,
            description = "Image width and height in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--train-good", description = "Good training images per category (default: "
            + SynthSpec.DEFAULT_TRAIN_GOOD + "; with --paper-shaped: at most this many, default MVTec's counts).")
    Integer trainGood;

    @Option(names = "--test-good", defaultValue = "" + SynthSpec.DEFAULT_TEST_GOOD,
            description = "Good test images per category (default: ${DEFAULT-VALUE}; not with --paper-shaped).")
    int testGood;

    @Option(names = "--defects", defaultValue = "" + SynthSpec.DEFAULT_DEFECTS_PER_KIND,
            description = "Defect images per category and kind (default: ${DEFAULT-VALUE}; not with --paper-shaped).")
    int defects;

    @Option(names = "--paper-shaped", description = "The paper's categories, defect folders and test counts.")
    boolean paperShaped;

    @Option(names = "--overwrite", description = "Replace --out if it exists.")
    boolean overwrite;

    private final PrintStream stdout = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        SynthSpec spec;
        try {
            spec = paperShaped
                    ? SynthSpec.paperShaped(size, trainGood == null ? 0 : trainGood, seed)
                    : SynthSpec.standard(size, trainGood == null ? SynthSpec.DEFAULT_TRAIN_GOOD : trainGood, testGood,
                            defects, seed);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("synth", "invalid synth settings: " + e.getMessage());
        }
        long start = System.nanoTime();
        try (ConsoleProgress progress = new ConsoleProgress(err)) {
            SyntheticMvtecGenerator.generate(spec, outFolder, overwrite, progress);
        }
        stdout.printf("Wrote %d images (%d categories, %dx%d) to %s in %.1f s%n", spec.imageCount(),
                spec.categories().size(), size, size, outFolder.toAbsolutePath(), (System.nanoTime() - start) / 1e9);
        for (DatasetMapping mapping : spec.datasetMappings()) {
            stdout.printf("  dataset %-5s %s (%d domains)%n", mapping.name(), outFolder.resolve(mapping.name() + ".csv"),
                    mapping.categories().size());
        }
        return 0;
    }
}
