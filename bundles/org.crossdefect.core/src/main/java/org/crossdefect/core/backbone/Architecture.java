package org.crossdefect.core.backbone;

import org.crossdefect.core.error.InvalidSettingException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.crossdefect.core.image.Normalization;

import ai.djl.ndarray.NDManager;

/**
 * The backbones CrossDefect builds itself (DJL blocks, weights from safetensors files), with
 * their state-dict layout, input scaling, feature layers and the file name looked for in the
 * weights folder. Other networks come in as TorchScript files ({@link TorchScriptNetwork}).
 */
public enum Architecture {
    RESNET18("resnet18", "resnet18.safetensors", Normalization.IMAGENET, List.of("layer2", "layer3")),
    RESNET50("resnet50", "resnet50.safetensors", Normalization.IMAGENET, List.of("layer2", "layer3")),
    WIDE_RESNET50_2("wide_resnet50_2", "wide_resnet50_2.safetensors", Normalization.IMAGENET,
            List.of("layer2", "layer3")),
    MOBILENET_V1("mobilenet_v1", "mobilenet_v1_1.0_224.safetensors", Normalization.KERAS_MINUS_ONE_TO_ONE,
            List.of("blocks.5", "blocks.11")),
    MOBILENET_V2("mobilenet_v2", "mobilenet_v2_1.0_224.safetensors", Normalization.TFLITE_UINT8,
            List.of("blocks.6.expand", "blocks.10.expand")),
    /**
     * timm's vit_base_patch8_224, features after blocks 5 and 9 (the paper's A.2.1). ImageNet
     * mean/std as in the paper's code (its transform config normalises every backbone that
     * way), not timm's own 0.5/0.5 for this model.
     */
    VIT_B8("vit_b8", "vit_base_patch8_224.safetensors", Normalization.IMAGENET, List.of("blocks.5", "blocks.9")),
    /** Any network exported as TorchScript that returns a tuple of feature maps. */
    TORCHSCRIPT("torchscript", null, Normalization.IMAGENET, List.of());

    /** The product's default backbone here: real ImageNet weights that ship beside the project. */
    public static final Architecture DEFAULT = MOBILENET_V1;

    private final String id;
    private final String weightsFileName;
    private final Normalization normalization;
    private final List<String> defaultLayers;

    Architecture(String id, String weightsFileName, Normalization normalization, List<String> defaultLayers) {
        this.id = id;
        this.weightsFileName = weightsFileName;
        this.normalization = normalization;
        this.defaultLayers = defaultLayers;
    }

    /** @return the name used in settings, files and model manifests, e.g. "wide_resnet50_2" */
    public String id() {
        return id;
    }

    /** @return the file name looked for in the weights folder, or null (TorchScript: give the file) */
    public String weightsFileName() {
        return weightsFileName;
    }

    public Normalization normalization() {
        return normalization;
    }

    /** @return the feature layers used when none are given (the paper's for ResNets) */
    public List<String> defaultLayers() {
        return defaultLayers;
    }

    /** @return every layer name the architecture can return, shallow to deep */
    public List<String> layerNames() {
        return switch (this) {
            case RESNET18, RESNET50, WIDE_RESNET50_2 -> List.of("layer1", "layer2", "layer3", "layer4");
            case MOBILENET_V1 -> MobileNet.v1Layers();
            case MOBILENET_V2 -> MobileNet.v2Layers();
            case VIT_B8 -> VisionTransformer.layers();
            case TORCHSCRIPT -> List.of();
        };
    }

    /** @return the tensors a weights file must hold to compute layers up to {@code lastLayer} */
    public List<TensorSpec> expectedTensors(String lastLayer) {
        return switch (this) {
            case RESNET18, RESNET50, WIDE_RESNET50_2 -> ResNet.expectedTensors(resNetConfig(), lastLayer);
            case MOBILENET_V1 -> MobileNet.v1Tensors(lastLayer);
            case MOBILENET_V2 -> MobileNet.v2Tensors(lastLayer);
            case VIT_B8 -> VisionTransformer.expectedTensors(lastLayer);
            case TORCHSCRIPT -> throw new IllegalStateException("TorchScript files carry their own weights");
        };
    }

    FeatureNetwork build(Weights weights, String lastLayer, NDManager manager) {
        return switch (this) {
            case RESNET18, RESNET50, WIDE_RESNET50_2 -> ResNet.build(resNetConfig(), weights, lastLayer, manager);
            case MOBILENET_V1 -> MobileNet.buildV1(weights, lastLayer, manager);
            case MOBILENET_V2 -> MobileNet.buildV2(weights, lastLayer, manager);
            case VIT_B8 -> VisionTransformer.build(weights, lastLayer, manager);
            case TORCHSCRIPT -> throw new IllegalStateException("TorchScript files are loaded, not built");
        };
    }

    private ResNet.Config resNetConfig() {
        return switch (this) {
            case RESNET18 -> ResNet.Config.RESNET18;
            case RESNET50 -> ResNet.Config.RESNET50;
            default -> ResNet.Config.WIDE_RESNET50_2;
        };
    }

    /**
     * @param name an id such as "wide_resnet50_2" (case-insensitive; '-' and '_' alike; "wrn50_2"
     *     and "mobilenet" as short forms)
     */
    public static Architecture parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (n.equals("wrn50_2") || n.equals("wideresnet50_2")) {
            return WIDE_RESNET50_2;
        }
        if (n.equals("mobilenet") || n.equals("mobilenetv1")) {
            return MOBILENET_V1;
        }
        if (n.equals("mobilenetv2")) {
            return MOBILENET_V2;
        }
        if (n.equals("vit_base_patch8_224")) {
            return VIT_B8;
        }
        for (Architecture a : values()) {
            if (a.id.equals(n)) {
                return a;
            }
        }
        throw new InvalidSettingException("backbone", "unknown backbone '" + name + "'; choose one of "
                + Arrays.stream(values()).map(Architecture::id).toList());
    }
}
