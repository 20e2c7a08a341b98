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

    @Option(names = "--overwrite", description = "Replace --out (and --backbone-out) if it exists.")
    boolean overwrite;

    @Option(names = "--backbone-out", description = "Methods that fine-tune the backbone (miro, semlp-miro, "
            + "patchcore-miro): where to write the fine-tuned backbone's weights file (default: beside --out, "
            + "MODEL.backbone.safetensors). Give it to predict with --weights.")
    Path backboneOut;

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
            java.util.Optional<Path> tuned = trained.model().backboneWeights();
            Path backboneFile = tuned.isEmpty() ? null : backboneOut != null ? backboneOut : defaultBackboneOut(out);
            if (backboneFile != null) {
                // The backbone first: a model file without its backbone would be of no use.
                org.crossdefect.core.files.AtomicFiles.writeFile(backboneFile, overwrite,
                        tmp -> Files.copy(tuned.get(), tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
            }
            trained.model().save(out, overwrite);
            if (backboneFile != null) {
                stdout.printf("Fine-tuned backbone: %s (predict with --weights %s)%n", backboneFile, backboneFile);
                java.util.Map<String, String> manifest = org.crossdefect.core.backbone.TrainableNetwork
                        .manifest(backboneFile);
                stdout.printf("Fine-tuning (best epoch %s of %s steps): %s%n", manifest.get("best.epoch"),
                        manifest.get("steps"), manifest.get("history"));
            }
            List<ImageRecord> train = trained.images().train();
            long good = train.stream().filter(r -> r.label() == Label.GOOD).count();
            stdout.printf("Trained %s on %d images (%d good, %d defect) of %s with %s in %.1f s: %s%n", method,
                    train.size(), good, train.size() - good,
                    train.stream().map(ImageRecord::category).distinct().sorted().toList(),
                    trained.model().info().backboneId(), trained.seconds(), out);
            return 0;
        }
    }

    /** @return MODEL.backbone.safetensors beside the model file (its extension replaced) */
    static Path defaultBackboneOut(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".backbone.safetensors");
    }

    @Override
    public String cancelled() {
        return "Cancelled; no model was written.";
    }
}
