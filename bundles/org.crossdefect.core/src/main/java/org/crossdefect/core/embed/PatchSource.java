package org.crossdefect.core.embed;

import java.io.IOException;
import java.util.List;

/**
 * The patch embeddings of a list of images, read one image at a time (from an
 * {@link EmbeddingStore}), so methods never need all embeddings in memory.
 */
public interface PatchSource {

    /** @return number of images */
    int images();

    /** @return patches per image */
    int patches();

    /** @return embedding dimension */
    int dim();

    /** @return the embeddings of image {@code i} */
    PatchEmbeddings image(int i) throws IOException;

    /** A source over stored images, in the given order. */
    static PatchSource of(EmbeddingStore store, List<String> keys) {
        return new PatchSource() {
            @Override
            public int images() {
                return keys.size();
            }

            @Override
            public int patches() {
                return store.patches();
            }

            @Override
            public int dim() {
                return store.dim();
            }

            @Override
            public PatchEmbeddings image(int i) throws IOException {
                return store.get(keys.get(i));
            }
        };
    }

    /** A source over embeddings held in memory (tests, small data). */
    static PatchSource of(List<PatchEmbeddings> images) {
        return new PatchSource() {
            @Override
            public int images() {
                return images.size();
            }

            @Override
            public int patches() {
                return images.get(0).patches();
            }

            @Override
            public int dim() {
                return images.get(0).dim();
            }

            @Override
            public PatchEmbeddings image(int i) {
                return images.get(i);
            }
        };
    }
}
