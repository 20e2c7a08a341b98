package org.crossdefect.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.engine.Engine;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.error.OutputExistsException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossdefect train}: fits a model and writes its model file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a model: --category C on C/train (single category), or --dataset D --target T on "
                + "the other categories of D (leave-one-domain-out; the coreset ratio is divided by the number of "
                + "training categories, as the paper)."})
final class TrainCommand implements Callable<Integer>, CrossDefectCommand.Cancellable {

    @Option(names = "--method", required = true, completionCandidates = MethodIds.class,
            description = "${COMPLETION-CANDIDATES} (see 'crossdefect methods').")
    String method;

    @Mixin
    SelectionOptions selection;

    @Mixin
    BackboneOptions backboneOptions;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--out", required = true, description = "Model file to write.")
    Path out;

    @Option(names = "--overwrite", description = "Replace --out if it exists.")
    boolean overwrite;

    @Mixin
    MethodOptions methodOptions;

    @Option(names = "--batch", defaultValue = "8", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    private final PrintStream stdout = System.out;

    @Override
    public Integer call() throws Exception {
        // Checked before any work: the final move into a folder would fail after all of it.
        InvalidSettingException.require(!Files.isDirectory(out), "out", out + " is a folder; give the path of the "
                + "model file to write");
        if (!overwrite && Files.exists(out)) {
            throw new OutputExistsException(out);
        }
        Engine.TrainJob job = new Engine.TrainJob(selection.selection(), method, methodOptions.parameters(),
                backboneOptions.spec(), storeOption.path(), batch);
        try (ConsoleProgress progress = new ConsoleProgress(System.err);
                Engine.Trained trained = CrossDefectCommand.ENGINE.train(job, progress)) {
            trained.model().save(out, overwrite);
            List<ImageRecord> train = trained.images().train();
            long good = train.stream().filter(r -> r.label() == Label.GOOD).count();
            stdout.printf("Trained %s on %d images (%d good, %d defect) of %s with %s in %.1f s: %s%n", method,
                    train.size(), good, train.size() - good,
                    train.stream().map(ImageRecord::category).distinct().sorted().toList(), trained.backboneId(),
                    trained.seconds(), out);
            return 0;
        }
    }

    @Override
    public String cancelled() {
        return "Cancelled; no model was written.";
    }
}
