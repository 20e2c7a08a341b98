package org.crossdefect.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.patchcore.ImageScore;
import org.crossdefect.core.progress.Progress;

/**
 * A fitted model of any method: it scores images from their patch embeddings. The benchmark,
 * the command line and the KNIME nodes treat all methods through this shape.
 */
public interface AnomalyModel extends AutoCloseable {

    ModelInfo info();

    /** @return one score per image of the source, in order */
    List<ImageScore> score(PatchSource images, Progress progress) throws IOException;

    /** Writes the model file (atomically). */
    void save(Path file) throws IOException;

    @Override
    void close();
}
