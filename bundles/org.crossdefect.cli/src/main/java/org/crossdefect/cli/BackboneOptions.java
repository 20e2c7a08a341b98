package org.crossdefect.cli;

import java.util.List;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.data.Tiling;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that choose a backbone, shared by every command that embeds images. */
final class BackboneOptions {

    @Option(names = "--backbone", defaultValue = "mobilenet_v1", description = "resnet18, resnet50, "
            + "wide_resnet50_2, mobilenet_v1, mobilenet_v2 or torchscript (default: ${DEFAULT-VALUE}).")
    String backbone;

    @Mixin
    WeightsOptions location;

    @Option(names = "--random-weights", description = "Seeded random weights: for speed measurements only.")
    boolean randomWeights;

    @Option(names = "--layers", split = ",", description = "Feature layers, shallow first (default: the "
            + "architecture's, e.g. layer2,layer3 for ResNets).")
    List<String> layers;

    @Option(names = "--image-size", defaultValue = "224", description = "Side of the square the network sees "
            + "(default: ${DEFAULT-VALUE}, the paper's): images are resized to size x 256 / 224 and centre-cropped. "
            + "Larger sizes (448, 672 or 896) spread small defects over more patches, at 4x the patches and time at 448.")
    int imageSize;

    @Option(names = "--" + Tiling.TILES, defaultValue = "auto", description = "auto (default): each method's measured choice (k-shot PatchCore: 1; a fusion: its cross-category part 0, its k-shot part 1; every other method: 0). 0: each image whole (the paper's). "
            + "1: square tiles as high as the shorter side (a non-square image keeps its proportions); 2 or more: that "
            + "many tiles across the shorter side, at a higher resolution. Image scores are the largest tile's; maps are "
            + "stitched. A model keeps its tiling: predict cuts images as it was trained.")
    String tiles;

    @Option(names = "--" + Tiling.TILE_OVERLAP, defaultValue = "" + Tiling.DEFAULT_OVERLAP, description = "Least fraction of a tile its "
            + "neighbour overlaps, 0 to 0.75 (default: ${DEFAULT-VALUE}).")
    double tileOverlap;

    /** @return these options as command-line arguments (to start a child process with the same backbone) */
    List<String> arguments() {
        List<String> args = new java.util.ArrayList<>();
        args.add("--backbone=" + backbone);
        args.add("--device=" + location.device);
        if (location.weights != null) {
            args.add("--weights=" + location.weights);
        }
        if (location.weightsDir != null) {
            args.add("--weights-dir=" + location.weightsDir);
        }
        if (randomWeights) {
            args.add("--random-weights");
        }
        if (layers != null) {
            args.add("--layers=" + String.join(",", layers));
        }
        args.add("--image-size=" + imageSize);
        args.add("--" + Tiling.TILES + "=" + tiles);
        args.add("--" + Tiling.TILE_OVERLAP + "=" + tileOverlap);
        return args;
    }

    BackboneSpec spec() {
        BackboneSpec spec = BackboneSpec.of(Architecture.parse(backbone)).withDevice(location.device)
                .withLayers(layers == null ? List.of() : layers).withWeightsDir(location.weightsDir)
                .withImageSize(imageSize).withTiling(Tiling.parse(tiles, tileOverlap));
        if (randomWeights) {
            return spec.withRandomWeights();
        }
        return location.weights == null ? spec : spec.withWeights(location.weights);
    }
}
