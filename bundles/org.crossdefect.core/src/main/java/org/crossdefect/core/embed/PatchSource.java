package org.crossdefect.core.embed;

import java.io.IOException;
import java.util.List;
import java.util.Map;

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

    /** Computes a damaged stored image again and returns it (or gives up by throwing). */
    @FunctionalInterface
    interface Repair {
        PatchEmbeddings embedAgain(int image, DamagedEmbeddingException damaged) throws IOException;
    }

    /** A source over stored images, in the given order; a damaged file is an error naming it. */
    static PatchSource of(EmbeddingStore store, List<String> keys) {
        return of(store, keys, (i, damaged) -> {
            throw damaged;
        });
    }

    /** A source over stored images, in the given order; a damaged file goes to {@code repair}. */
    static PatchSource of(EmbeddingStore store, List<String> keys, Repair repair) {
        return of(store, keys, Map.of(), repair);
    }

    /**
     * A source over stored images, in the given order, that serves those in {@code kept} (by key)
     * from memory instead of reading them; a damaged file goes to {@code repair}.
     */
    static PatchSource of(EmbeddingStore store, List<String> keys, Map<String, PatchEmbeddings> kept, Repair repair) {
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
                PatchEmbeddings inMemory = kept.get(keys.get(i));
                if (inMemory != null) {
                    return inMemory;
                }
                try {
                    return store.get(keys.get(i));
                } catch (DamagedEmbeddingException damaged) {
                    return repair.embedAgain(i, damaged);
                }
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
