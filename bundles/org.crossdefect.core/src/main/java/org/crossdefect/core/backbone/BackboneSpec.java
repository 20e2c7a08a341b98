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
 */
public record BackboneSpec(Architecture architecture, Path weights, boolean randomWeights, List<String> layers,
        String device, Path weightsDir) {

    public BackboneSpec {
        org.crossdefect.core.runtime.DjlRuntime.requireDeviceSyntax(device);
        layers = List.copyOf(layers);
        if (randomWeights && weights != null) {
            throw new InvalidSettingException("weights", "give either a weights file or random weights, not both");
        }
    }

    /** The architecture's weights from the weights folders, default layers, device auto. */
    public static BackboneSpec of(Architecture architecture) {
        return new BackboneSpec(architecture, null, false, List.of(), "auto", null);
    }

    public BackboneSpec withWeights(Path file) {
        return new BackboneSpec(architecture, file, false, layers, device, weightsDir);
    }

    public BackboneSpec withRandomWeights() {
        return new BackboneSpec(architecture, null, true, layers, device, weightsDir);
    }

    public BackboneSpec withLayers(List<String> newLayers) {
        return new BackboneSpec(architecture, weights, randomWeights, newLayers, device, weightsDir);
    }

    public BackboneSpec withDevice(String newDevice) {
        return new BackboneSpec(architecture, weights, randomWeights, layers, newDevice, weightsDir);
    }

    public BackboneSpec withWeightsDir(Path folder) {
        return new BackboneSpec(architecture, weights, randomWeights, layers, device, folder);
    }

    /** @return the layers to use: the given ones or the architecture's defaults */
    public List<String> effectiveLayers() {
        return layers.isEmpty() ? architecture.defaultLayers() : layers;
    }
}
