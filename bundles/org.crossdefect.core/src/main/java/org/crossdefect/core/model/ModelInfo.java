package org.crossdefect.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.io.ModelFile;
import org.crossdefect.core.io.ModelFileException;

/**
 * What every model records about how it was made, so a prediction uses the same backbone.
 *
 * @param method "patchcore", "labeled-patchcore", "semlp", ...
 * @param backboneId the backbone's id (network, weights digest, layers)
 * @param architecture the backbone's architecture id
 * @param layers its feature layers
 * @param dim embedding dimension
 * @param gridHeight patch grid height
 * @param gridWidth patch grid width
 */
public record ModelInfo(String method, String backboneId, String architecture, List<String> layers, int dim,
        int gridHeight, int gridWidth) {

    public ModelInfo {
        layers = List.copyOf(layers);
    }

    public static ModelInfo of(String method, Backbone backbone) {
        return new ModelInfo(method, backbone.id(), backbone.architecture().id(), backbone.layers(),
                backbone.embeddingDim(), backbone.gridHeight(), backbone.gridWidth());
    }

    public void write(Properties p) {
        p.setProperty("method", method);
        p.setProperty("backbone.id", backboneId);
        p.setProperty("backbone.architecture", architecture);
        p.setProperty("backbone.layers", String.join(",", layers));
        p.setProperty("embedding.dim", Integer.toString(dim));
        p.setProperty("grid.height", Integer.toString(gridHeight));
        p.setProperty("grid.width", Integer.toString(gridWidth));
    }

    public static ModelInfo read(ModelFile.Contents c) throws ModelFileException {
        return new ModelInfo(c.get("method"), c.get("backbone.id"), c.get("backbone.architecture"),
                Arrays.asList(c.get("backbone.layers").split(",")), Integer.parseInt(c.get("embedding.dim")),
                Integer.parseInt(c.get("grid.height")), Integer.parseInt(c.get("grid.width")));
    }

    /**
     * @throws ModelFileException if the backbone differs from the one the model was trained with
     */
    public void requireBackbone(Backbone backbone) throws ModelFileException {
        if (!backbone.id().equals(backboneId)) {
            throw new ModelFileException("the model was trained on embeddings of " + backboneId + " but the backbone "
                    + "loaded now is " + backbone.id() + "; load the same architecture, layers and weights file");
        }
    }
}
