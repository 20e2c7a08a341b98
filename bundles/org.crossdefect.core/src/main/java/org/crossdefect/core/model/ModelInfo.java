package org.crossdefect.core.model;

import java.util.List;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.data.Tiling;
import org.crossdefect.core.error.IncompatibleException;

/**
 * What every model records about how it was made, so a prediction uses the same backbone.
 *
 * @param method the method's id ("patchcore", "labeled-patchcore", "semlp", ...)
 * @param backboneId the backbone's id (network, weights digest, layers)
 * @param architecture the backbone's architecture id
 * @param layers its feature layers
 * @param dim embedding dimension
 * @param gridHeight patch grid height
 * @param gridWidth patch grid width
 * @param imageSize the side of the backbone's input (0 in model files written before it was
 *     recorded, which were all at the paper's 224)
 * @param tiling how images were cut into the network's inputs (null in model files written before
 *     it was recorded, which all took images whole); predictions cut them the same way
 */
public record ModelInfo(String method, String backboneId, String architecture, List<String> layers, int dim,
        int gridHeight, int gridWidth, int imageSize, Tiling tiling) {

    public ModelInfo {
        layers = List.copyOf(layers);
        if (imageSize == 0) {
            imageSize = Backbone.CROP;
        }
        if (tiling == null) {
            tiling = Tiling.WHOLE;
        }
    }

    /** Images taken whole. */
    public ModelInfo(String method, String backboneId, String architecture, List<String> layers, int dim,
            int gridHeight, int gridWidth, int imageSize) {
        this(method, backboneId, architecture, layers, dim, gridHeight, gridWidth, imageSize, Tiling.WHOLE);
    }

    /** At the paper's image size. */
    public ModelInfo(String method, String backboneId, String architecture, List<String> layers, int dim,
            int gridHeight, int gridWidth) {
        this(method, backboneId, architecture, layers, dim, gridHeight, gridWidth, Backbone.CROP);
    }

    /** @return the same backbone facts under another method's id (a model wrapped by another method) */
    public ModelInfo withMethod(String otherMethod) {
        return new ModelInfo(otherMethod, backboneId, architecture, layers, dim, gridHeight, gridWidth, imageSize,
                tiling);
    }

    /** @return the same facts for images cut another way */
    public ModelInfo withTiling(Tiling other) {
        return new ModelInfo(method, backboneId, architecture, layers, dim, gridHeight, gridWidth, imageSize, other);
    }

    /** Images taken whole; {@link #withTiling} for tiles. */
    public static ModelInfo of(String method, Backbone backbone) {
        return new ModelInfo(method, backbone.id(), backbone.architecture().id(), backbone.layers(),
                backbone.embeddingDim(), backbone.gridHeight(), backbone.gridWidth(), backbone.preprocessing().crop());
    }

    /**
     * @throws IncompatibleException if the backbone differs from the one the model was trained with
     */
    public void requireBackbone(Backbone backbone) {
        if (!backbone.id().equals(backboneId) && imageSize != backbone.preprocessing().crop()) {
            throw new IncompatibleException("the model was trained on " + imageSize + " px images but the backbone "
                    + "loaded now takes " + backbone.preprocessing().crop() + " px; set image-size to " + imageSize
                    + " (the model's)");
        }
        if (!backbone.id().equals(backboneId)) {
            throw new IncompatibleException("the model was trained on embeddings of " + backboneId + " but the "
                    + "backbone loaded now is " + backbone.id() + "; load the same architecture, layers and weights "
                    + "file" + (method.equals("miro") || method.endsWith("-miro") ? " (a " + method + " model needs "
                            + "the fine-tuned backbone that train wrote beside it: --weights MODEL.backbone.safetensors)"
                            : ""));
        }
    }
}
