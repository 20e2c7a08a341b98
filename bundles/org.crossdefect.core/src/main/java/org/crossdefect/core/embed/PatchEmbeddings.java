package org.crossdefect.core.embed;

/**
 * The patch embeddings of one image.
 *
 * @param key the image's content key in the store
 * @param patches number of patches P (grid height x width)
 * @param dim embedding dimension D
 * @param values P x D values, row-major (patch by patch)
 * @param maskFractions per patch, the fraction of defect pixels (0..1); null when the image has
 *     no mask (good images: every patch is good)
 */
public record PatchEmbeddings(String key, int patches, int dim, float[] values, float[] maskFractions) {

    public PatchEmbeddings {
        if (values.length != patches * dim) {
            throw new IllegalArgumentException(values.length + " values for " + patches + " x " + dim);
        }
        if (maskFractions != null && maskFractions.length != patches) {
            throw new IllegalArgumentException(maskFractions.length + " mask fractions for " + patches + " patches");
        }
    }

    /** @return the fraction of defect pixels of patch {@code p}; 0 without a mask */
    public float maskFraction(int p) {
        return maskFractions == null ? 0f : maskFractions[p];
    }
}
