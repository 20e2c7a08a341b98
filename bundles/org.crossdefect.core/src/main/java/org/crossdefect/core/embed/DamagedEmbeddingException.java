package org.crossdefect.core.embed;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A stored embedding file is damaged (truncated, altered, wrong size). Readers that can compute
 * it again (the {@link EmbeddingExtractor}'s sources) do so and say so; the message names the
 * file for anyone else.
 */
public final class DamagedEmbeddingException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    DamagedEmbeddingException(Path file, String why) {
        super("embedding file " + file + " is damaged (" + why + "); it is computed again when its image is "
                + "embedded, or delete it");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
