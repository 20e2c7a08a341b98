package org.crossdefect.core.coreset;

/**
 * The selected patch embeddings (a coreset): what PatchCore compares test patches with.
 *
 * @param vectors {@code size x dim} values, row-major, in selection order
 * @param sourceImage for each entry, the index of the image (in the source) it came from
 * @param sourcePatch for each entry, its patch index in that image
 */
public record MemoryBank(int size, int dim, float[] vectors, int[] sourceImage, int[] sourcePatch) {

    public MemoryBank {
        if (vectors.length != (long) size * dim || sourceImage.length != size || sourcePatch.length != size) {
            throw new IllegalArgumentException("inconsistent memory bank of " + size + " x " + dim);
        }
    }

    /** @return a copy of entry {@code i} */
    public float[] vector(int i) {
        float[] v = new float[dim];
        System.arraycopy(vectors, i * dim, v, 0, dim);
        return v;
    }
}
