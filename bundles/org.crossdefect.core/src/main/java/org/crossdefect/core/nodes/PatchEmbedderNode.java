package org.crossdefect.core.nodes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.error.IncompatibleException;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.workspace.Workspace;

import com.google.gson.Gson;

/**
 * Patch Embedder: a Backbone port and an image table to a Patch Embeddings port. The embeddings
 * live in the embedding store (one file per image content, shared by every node and run, so an
 * image is embedded once); the port carries the backbone, the store and the image table.
 */
public final class PatchEmbedderNode {

    public static final Parameter STORE = new Parameter("store", "", "The embedding store folder; empty: "
            + "~/.crossdefect/embeddings (shared with the command line).");
    public static final Parameter BATCH = new Parameter("batch", "8", "Images per forward pass.");
    public static final List<Parameter> PARAMETERS = List.of(STORE, BATCH);

    private static final Gson GSON = new Gson();

    /**
     * What the Patch Embeddings port carries.
     *
     * @param images the image table's rows, as text in {@link ImageTable#COLUMNS} order
     */
    public record EmbeddingsContent(BackboneLoaderNode.BackboneContent backbone, String store, int batch,
            List<List<String>> images) {

        public Table table() {
            List<List<Object>> rows = new ArrayList<>();
            int label = ImageTable.index(ImageTable.LABEL);
            for (List<String> row : images) {
                List<Object> cells = new ArrayList<>(row);
                cells.set(label, row.get(label) == null ? null : Integer.valueOf(row.get(label)));
                rows.add(cells);
            }
            return new Table(ImageTable.COLUMNS, rows);
        }

        public String toJson() {
            return GSON.toJson(this);
        }

        public static EmbeddingsContent fromJson(String json) {
            return GSON.fromJson(json, EmbeddingsContent.class);
        }
    }

    public record Settings(Path store, int batch) {
        public Settings {
            InvalidSettingException.require(batch >= 1, BATCH.key(), "batch must be at least 1, got " + batch);
        }
    }

    private PatchEmbedderNode() {
    }

    public static Settings settings(Parameters p) {
        p.requireKnown(PARAMETERS, "Patch Embedder");
        String store = p.text(STORE).trim();
        return new Settings(store.isEmpty() ? Path.of(System.getProperty("user.home"), ".crossdefect", "embeddings")
                : Path.of(store), p.integer(BATCH));
    }

    /** Embeds every image of the table that the store lacks. */
    public static EmbeddingsContent run(BackboneLoaderNode.BackboneContent backbone, Table images, Settings s,
            Progress progress) throws IOException {
        List<ImageRecord> records = ImageTable.records(images);
        try (Workspace workspace = open(backbone, s.store().toString(), s.batch())) {
            workspace.extractor().embed(records, progress);
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : images.rows()) {
            rows.add(row.stream().map(c -> c == null ? null : c.toString()).toList());
        }
        return new EmbeddingsContent(backbone, s.store().toString(), s.batch(), rows);
    }

    /**
     * Opens the backbone a port describes, with its store.
     *
     * @throws IncompatibleException if the backbone built now is not the one the port recorded
     *     (its weights file changed since)
     */
    static Workspace open(BackboneLoaderNode.BackboneContent backbone, String store, int batch) throws IOException {
        Workspace workspace = Workspace.open(backbone.spec(), Path.of(store), batch);
        if (!workspace.backbone().id().equals(backbone.id())) {
            String now = workspace.backbone().id();
            workspace.close();
            throw new IncompatibleException("the backbone loaded now is " + now + " but the Backbone Loader "
                    + "loaded " + backbone.id() + " (its weights file changed); execute the Backbone Loader again");
        }
        return workspace;
    }
}
