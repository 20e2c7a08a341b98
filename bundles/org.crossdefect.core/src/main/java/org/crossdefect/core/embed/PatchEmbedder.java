package org.crossdefect.core.embed;

import org.crossdefect.core.image.Bilinear;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * PatchCore's locally aware patch features: each feature map is averaged over 3x3 neighbourhoods
 * (stride 1, zero padding 1, always divided by 9), deeper maps are upsampled bilinearly
 * (align_corners false) to the first map's grid, and the channels are concatenated, giving one
 * D-dimensional embedding per patch of the first map's grid.
 */
public final class PatchEmbedder {

    private PatchEmbedder() {
    }

    /**
     * @param maps feature maps [N, C_i, H_i, W_i], the first one the shallowest
     * @return embeddings [N, H_0 * W_0, sum C_i], row-major over the grid, in the maps' manager;
     *     the maps are closed
     */
    public static NDArray embed(NDList maps) {
        long n = maps.get(0).getShape().get(0);
        long h = maps.get(0).getShape().get(2);
        long w = maps.get(0).getShape().get(3);
        NDList parts = new NDList();
        for (NDArray map : maps) {
            NDArray pooled = Pool.avgPool2d(map, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false, true);
            map.close();
            if (pooled.getShape().get(2) != h || pooled.getShape().get(3) != w) {
                NDArray resized = Bilinear.upsample(pooled, h, w);
                pooled.close();
                pooled = resized;
            }
            parts.add(pooled);
        }
        NDArray joined = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
        NDArray embeddings = joined.transpose(0, 2, 3, 1).reshape(n, h * w, -1);
        if (joined != parts.get(0)) {
            joined.close();
        }
        parts.close();
        return embeddings;
    }
}
