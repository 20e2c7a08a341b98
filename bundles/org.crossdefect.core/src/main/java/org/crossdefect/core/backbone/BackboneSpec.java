package org.crossdefect.core.backbone;

import org.crossdefect.core.error.InvalidSettingException;
import java.nio.file.Path;
import java.util.List;

/**
 * What backbone to load and where from.
 *
 * @param architecture the network
 * @param weights the weights file (safetensors/npz, or a TorchScript file for
 *     {@link Architecture#TORCHSCRIPT}); null to look for {@link Architecture#weightsFileName()}
 *     in the weights folders ({@link WeightsLocator})
 * @param randomWeights use seeded random weights instead of a file (for speed measurements only)
 * @param layers feature layers, shallow first; empty for the architecture's defaults
 * @param device "auto", "cpu" or "gpu:N"
 * @param weightsDir a folder searched first for the architecture's weights file, or null
 * @param imageSize the side of the square the network sees ({@link Backbone#CROP}, the paper's
 *     224, by default); the image is resized to {@code imageSize * 256 / 224} and centre-cropped,
 *     as the paper does at 224. Larger sizes keep small defects over more patches (4x the patches
 *     at 448); 224, 448, 672 or 896, and 224 for ViT-B/8 and TorchScript networks
 * @param tiling whether each image is the input whole (the paper's) or cut into tiles, each an input
 */
public record BackboneSpec(Architecture architecture, Path weights, boolean randomWeights, List<String> layers,
        String device, Path weightsDir, int imageSize, org.crossdefect.core.data.Tiling tiling) {

    public static final String IMAGE_SIZE = "image-size";

    public BackboneSpec {
        org.crossdefect.core.runtime.DjlRuntime.requireDeviceSyntax(device);
        layers = List.copyOf(layers);
        if (randomWeights && weights != null) {
            throw new InvalidSettingException("weights", "give either a weights file or random weights, not both");
        }
        requireImageSize(architecture, imageSize);
        java.util.Objects.requireNonNull(tiling, "tiling");
    }

    /** @throws InvalidSettingException naming image-size if the network cannot take that input */
    public static void requireImageSize(Architecture architecture, int imageSize) {
        // Multiples of 224 keep the paper's 256 : 224 crop exact (resize 512 for 448), so the maps of
        // every size cover the same pixels and compare at any resolution.
        InvalidSettingException.require(imageSize >= Backbone.CROP && imageSize <= 4 * Backbone.CROP
                && imageSize % Backbone.CROP == 0, IMAGE_SIZE, "image-size must be 224 (the paper's), 448, 672 or 896, "
                + "got " + imageSize);
        // ViT-B/8's position embeddings are learnt for 28x28 patches; a traced TorchScript module is
        // only known to work on the input it was traced with.
        InvalidSettingException.require(imageSize == Backbone.CROP || (architecture != Architecture.VIT_B8
                && architecture != Architecture.TORCHSCRIPT), IMAGE_SIZE, architecture.id() + " takes "
                + Backbone.CROP + " px images only, got image-size " + imageSize);
    }

    /** The architecture's weights from the weights folders, default layers, device auto, the paper's size, tiles auto. */
    public static BackboneSpec of(Architecture architecture) {
        return new BackboneSpec(architecture, null, false, List.of(), "auto", null, Backbone.CROP,
                org.crossdefect.core.data.Tiling.AUTO);
    }

    public BackboneSpec withWeights(Path file) {
        return new BackboneSpec(architecture, file, false, layers, device, weightsDir, imageSize, tiling);
    }

    public BackboneSpec withRandomWeights() {
        return new BackboneSpec(architecture, null, true, layers, device, weightsDir, imageSize, tiling);
    }

    public BackboneSpec withLayers(List<String> newLayers) {
        return new BackboneSpec(architecture, weights, randomWeights, newLayers, device, weightsDir, imageSize, tiling);
    }

    public BackboneSpec withDevice(String newDevice) {
        return new BackboneSpec(architecture, weights, randomWeights, layers, newDevice, weightsDir, imageSize, tiling);
    }

    public BackboneSpec withWeightsDir(Path folder) {
        return new BackboneSpec(architecture, weights, randomWeights, layers, device, folder, imageSize, tiling);
    }

    public BackboneSpec withTiling(org.crossdefect.core.data.Tiling newTiling) {
        return new BackboneSpec(architecture, weights, randomWeights, layers, device, weightsDir, imageSize, newTiling);
    }

    public BackboneSpec withImageSize(int size) {
        return new BackboneSpec(architecture, weights, randomWeights, layers, device, weightsDir, size, tiling);
    }

    /** @return the layers to use: the given ones or the architecture's defaults */
    public List<String> effectiveLayers() {
        return layers.isEmpty() ? architecture.defaultLayers() : layers;
    }
}
