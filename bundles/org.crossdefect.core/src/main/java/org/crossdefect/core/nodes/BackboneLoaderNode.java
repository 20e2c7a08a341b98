package org.crossdefect.core.nodes;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.crossdefect.core.data.Tiling;
import java.util.Map;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

/**
 * Backbone Loader: architecture, weights and layers to a Backbone port. Loads the backbone once
 * (so a missing or wrong weights file fails here, naming it) and records its id, embedding
 * dimension and grid for the downstream nodes' configure.
 */
public final class BackboneLoaderNode {

    public static final Parameter BACKBONE = new Parameter("backbone", "mobilenet_v1", "mobilenet_v1, mobilenet_v2, "
            + "resnet18, resnet50, wide_resnet50_2, vit_b8 or torchscript.");
    public static final Parameter WEIGHTS = new Parameter("weights", "", "The weights file (safetensors; a .pt file "
            + "for torchscript); empty: the architecture's file in the weights folder.");
    public static final Parameter WEIGHTS_DIR = new Parameter("weights-dir", "", "Folder with weights files; empty: "
            + "-Dcrossdefect.weights.dir, $CROSSDEFECT_WEIGHTS_DIR or ~/.crossdefect/weights.");
    public static final Parameter LAYERS = new Parameter("layers", "", "Feature layers, shallow first, separated "
            + "by commas; empty: the architecture's (layer2,layer3 for ResNets).");
    public static final Parameter DEVICE = new Parameter("device", "auto", "auto (the first GPU, else the CPU), "
            + "cpu or gpu:N.");
    public static final Parameter IMAGE_SIZE = new Parameter(BackboneSpec.IMAGE_SIZE, "" + Backbone.CROP, "Side of "
            + "the square the network sees (the paper's 224): each image is resized to size x 256 / 224 and "
            + "centre-cropped. Larger sizes (e.g. 448) spread small defects over more patches at 4x the patches and "
            + "time; 224, 448, 672 or 896 (224 only for vit_b8 and torchscript).");
    public static final Parameter TILES = new Parameter(Tiling.TILES, "auto", "auto: each method's measured choice (k-shot PatchCore: 1; a fusion: its cross-category part 0, its k-shot part 1; every other method: 0). 0: each image whole (the paper's). 1: "
            + "square tiles as high as the image's shorter side, so a non-square image keeps its proportions; 2 or more: "
            + "that many tiles across the shorter side, at a higher resolution. A tile is embedded as an image; an image's "
            + "score is its largest tile score and its map is stitched from the tiles'.");
    public static final Parameter TILE_OVERLAP = new Parameter(Tiling.TILE_OVERLAP, "" + Tiling.WHOLE.overlap(),
            "The least fraction of a tile its neighbour overlaps (0 to 0.75).");
    public static final List<Parameter> PARAMETERS = List.of(BACKBONE, WEIGHTS, WEIGHTS_DIR, LAYERS, DEVICE,
            IMAGE_SIZE, TILES, TILE_OVERLAP);

    /**
     * What the Backbone port carries: the settings that rebuild the backbone, and its identity.
     *
     * @param settings values of {@link #PARAMETERS}
     * @param id the backbone's id (network, weights digest, layers): models and stores check it
     */
    public record BackboneContent(Map<String, String> settings, String id, int dim, int gridHeight, int gridWidth) {

        public BackboneSpec spec() {
            return BackboneLoaderNode.spec(Parameters.of(settings));
        }
    }

    private BackboneLoaderNode() {
    }

    /** @throws InvalidSettingException for an unknown architecture or device */
    public static BackboneSpec spec(Parameters p) {
        p.requireKnown(PARAMETERS, "Backbone Loader");
        BackboneSpec spec = BackboneSpec.of(Architecture.parse(p.text(BACKBONE).trim()));
        String layers = p.text(LAYERS).trim();
        if (!layers.isEmpty()) {
            spec = spec.withLayers(Arrays.stream(layers.split(",")).map(String::trim).toList());
        }
        String device = p.text(DEVICE).trim();
        InvalidSettingException.require(device.matches("auto|cpu|gpu(:\\d+)?"), DEVICE.key(), "device '" + device
                + "' is not auto, cpu or gpu:N");
        spec = spec.withDevice(device).withImageSize(p.integer(IMAGE_SIZE))
                .withTiling(Tiling.parse(p.text(TILES), p.number(TILE_OVERLAP)));
        if (!p.text(WEIGHTS_DIR).isBlank()) {
            spec = spec.withWeightsDir(Path.of(p.text(WEIGHTS_DIR).trim()));
        }
        return p.text(WEIGHTS).isBlank() ? spec : spec.withWeights(Path.of(p.text(WEIGHTS).trim()));
    }

    /** Loads the backbone to check it and learn its identity. */
    public static BackboneContent run(Parameters p) {
        BackboneSpec spec = spec(p);
        try (Backbone backbone = Backbone.load(spec)) {
            return new BackboneContent(Map.copyOf(p.asMap()), backbone.id(), backbone.embeddingDim(),
                    backbone.gridHeight(), backbone.gridWidth());
        }
    }
}
