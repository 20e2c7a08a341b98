package org.crossdefect.core.adapt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.nn.NearestNeighbours;

import ai.djl.ndarray.NDManager;

/**
 * Residual embeddings (issue 12 (b), after ResAD): every patch minus its nearest patch among a
 * few good images of the same object, its references. A learner on residuals sees how a defect
 * differs from <em>this</em> object's normal look instead of what objects look like, so what it
 * learns on one object can carry to another.
 *
 * <p>The nearest patch is found exactly (the references are a few thousand patches). An image
 * that is itself a reference is compared with the other references (leave one out): against its
 * own patches every residual would be zero.
 */
final class Residuals implements AutoCloseable {

    /**
     * The references of one object.
     *
     * @param keys the reference images' store keys, in order
     * @param patches patches per image
     * @param dim embedding dimension
     * @param vectors {@code keys.size() * patches x dim} values, image after image
     */
    record References(List<String> keys, int patches, int dim, float[] vectors) {

        References {
            keys = List.copyOf(keys);
            if (vectors.length != (long) keys.size() * patches * dim) {
                throw new IllegalArgumentException(vectors.length + " values for " + keys.size() + " images of "
                        + patches + " x " + dim);
            }
        }

        /** @return the embeddings of {@code images} as references */
        static References of(PatchSource images) throws IOException {
            List<String> keys = new ArrayList<>();
            float[] vectors = new float[images.images() * images.patches() * images.dim()];
            for (int i = 0; i < images.images(); i++) {
                PatchEmbeddings e = images.image(i);
                keys.add(e.key());
                System.arraycopy(e.values(), 0, vectors, i * e.values().length, e.values().length);
            }
            return new References(keys, images.patches(), images.dim(), vectors);
        }

        /** @return these references without image {@code i} */
        References without(int i) {
            int size = patches * dim;
            float[] rest = new float[vectors.length - size];
            System.arraycopy(vectors, 0, rest, 0, i * size);
            System.arraycopy(vectors, (i + 1) * size, rest, i * size, rest.length - i * size);
            List<String> others = new ArrayList<>(keys);
            others.remove(i);
            return new References(others, patches, dim, rest);
        }
    }

    private final NDManager manager;
    /** A search over some references. */
    private record Searched(References references, NearestNeighbours search) {
    }

    /** Searches by references (by identity) and left-out image (-1: none), built on first use. */
    private final Map<References, Map<Integer, Searched>> searches = new java.util.IdentityHashMap<>();

    /** @param manager owns the searches' native memory; closed with this */
    Residuals(NDManager manager) {
        this.manager = manager;
    }

    /**
     * @param references of each image, in order; an image's patches minus their nearest
     *     reference patches
     * @return the residuals of {@code images}, computed when an image is first read and kept as
     *     nearest-patch indices (a few KB an image), so epochs read them again cheaply
     */
    PatchSource of(PatchSource images, List<References> references) {
        if (references.size() != images.images()) {
            throw new IllegalArgumentException(references.size() + " reference sets for " + images.images() + " images");
        }
        int[][] nearest = new int[images.images()][];
        return new PatchSource() {
            @Override
            public int images() {
                return images.images();
            }

            @Override
            public int patches() {
                return images.patches();
            }

            @Override
            public int dim() {
                return images.dim();
            }

            @Override
            public PatchEmbeddings image(int i) throws IOException {
                PatchEmbeddings e = images.image(i);
                References refs = references.get(i);
                int[] indices;
                Searched searched;
                synchronized (searches) {
                    searched = searched(refs, refs.keys().indexOf(e.key()));
                    if (nearest[i] == null) {
                        nearest[i] = searched.search().search(e.values(), e.patches(), 1).indices();
                    }
                    indices = nearest[i];
                }
                return residual(e, searched.references().vectors(), indices);
            }
        };
    }

    private Searched searched(References refs, int leftOut) {
        return searches.computeIfAbsent(refs, r -> new HashMap<>()).computeIfAbsent(leftOut, i -> {
            References rest = i < 0 ? refs : refs.without(i);
            if (rest.keys().isEmpty()) {
                throw new IllegalStateException("a residual needs a reference besides the image itself");
            }
            return new Searched(rest, new NearestNeighbours(rest.vectors(), rest.keys().size() * rest.patches(),
                    rest.dim(), manager.newSubManager()));
        });
    }

    /** @return {@code image}'s patches minus the reference patches at {@code nearest} */
    static PatchEmbeddings residual(PatchEmbeddings image, float[] referenceVectors, int[] nearest) {
        int d = image.dim();
        float[] v = image.values();
        float[] out = new float[v.length];
        for (int p = 0; p < image.patches(); p++) {
            int r = nearest[p] * d;
            for (int j = 0; j < d; j++) {
                out[p * d + j] = v[p * d + j] - referenceVectors[r + j];
            }
        }
        return new PatchEmbeddings(image.key(), image.patches(), d, out, image.maskFractions());
    }

    @Override
    public void close() {
        try {
            searches.values().forEach(m -> m.values().forEach(s -> s.search().close()));
        } finally {
            manager.close();
        }
    }
}
