package org.crossdefect.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.embed.EmbeddingExtractor;
import org.crossdefect.core.workspace.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossdefect embed}: computes patch embeddings into a store, reusing what is there. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Computes the patch embeddings of a tree's images (or a category's, or a dataset's) into an "
                + "embedding store; images already in the store are skipped, so an interrupted run resumes.")
final class EmbedCommand implements Callable<Integer>, CrossDefectCommand.Cancellable {

    @Mixin
    BackboneOptions backboneOptions;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--out", required = true, description = "Embedding store folder (created if absent).")
    Path out;

    @Option(names = "--batch", defaultValue = "8", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--workers", defaultValue = "1",
            description = "Threads decoding images beside the backbone (default: ${DEFAULT-VALUE}).")
    int workers;

    private final PrintStream stdout = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        InvalidSettingException.require(batch >= 1, "batch", "--batch must be at least 1, got " + batch);
        InvalidSettingException.require(workers >= 1, "workers", "--workers must be at least 1, got " + workers);
        long start = System.nanoTime();
        try (ConsoleProgress progress = new ConsoleProgress(err)) {
            // Every image and mask is checked first: all problems at once, none after an hour of work.
            List<ImageRecord> images = selection.selection().validatedImages(progress);
            return embed(images, progress, start);
        }
    }

    private int embed(List<ImageRecord> images, ConsoleProgress progress, long start) throws Exception {
        try (Workspace workspace = Workspace.open(backboneOptions.spec(), out, batch, workers)) {
            Backbone backbone = workspace.backbone();
            EmbeddingExtractor.Result result = workspace.extractor().embed(images, progress);
            double seconds = (System.nanoTime() - start) / 1e9;
            stdout.printf("Embedded %d images with %s (D = %d, grid %dx%d) into %s: %d computed, %d reused, %.1f s%n",
                    images.size(), backbone.id(), backbone.embeddingDim(), backbone.gridHeight(), backbone.gridWidth(),
                    workspace.extractor().store().folder(), result.computed(), result.reused(), seconds);
            return 0;
        }
    }

    @Override
    public String cancelled() {
        return "Cancelled; embeddings finished so far are kept and a new run resumes from them.";
    }
}
