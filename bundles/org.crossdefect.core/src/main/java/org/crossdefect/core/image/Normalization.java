package org.crossdefect.core.image;

/**
 * How a backbone wants its 8-bit RGB input scaled: {@code x = (u - shift[c]) * scale[c]}.
 *
 * @param shift per channel, subtracted from the 0..255 value
 * @param scale per channel, multiplied after the shift
 */
public record Normalization(String name, float[] shift, float[] scale) {

    /** torchvision/timm: {@code (u / 255 - mean) / std} with ImageNet's mean and std. */
    public static final Normalization IMAGENET = new Normalization("imagenet",
            new float[] {255f * 0.485f, 255f * 0.456f, 255f * 0.406f},
            new float[] {1f / (255f * 0.229f), 1f / (255f * 0.224f), 1f / (255f * 0.225f)});

    /** Keras MobileNet (V1): {@code u / 127.5 - 1}. */
    public static final Normalization KERAS_MINUS_ONE_TO_ONE = new Normalization("keras [-1,1]",
            new float[] {127.5f, 127.5f, 127.5f},
            new float[] {1f / 127.5f, 1f / 127.5f, 1f / 127.5f});

    /** The TFLite MobileNetV2's input quantisation: {@code (u - 127) * float32(1 / 127.5)}. */
    public static final Normalization TFLITE_UINT8 = new Normalization("tflite uint8",
            new float[] {127f, 127f, 127f},
            new float[] {0.007843137718737125f, 0.007843137718737125f, 0.007843137718737125f});

    public Normalization {
        shift = shift.clone();
        scale = scale.clone();
    }

    @Override
    public float[] shift() {
        return shift.clone();
    }

    @Override
    public float[] scale() {
        return scale.clone();
    }

    /** @return the normalised value of channel {@code c} */
    public float apply(int c, int u) {
        return (u - shift[c]) * scale[c];
    }
}
