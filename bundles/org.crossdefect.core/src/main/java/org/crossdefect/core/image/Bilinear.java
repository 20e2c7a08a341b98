package org.crossdefect.core.image;

import org.crossdefect.core.runtime.DjlRuntime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The one bilinear upsampling of the product, PyTorch's {@code interpolate(mode="bilinear",
 * align_corners=False)}: output pixel {@code x} samples input {@code (x + 0.5) * in / out - 0.5},
 * clamped to the input. The patch embedder upsamples deeper feature maps with it (on their
 * device) and the anomaly map upsamples patch scores to the crop with it.
 */
public final class Bilinear {

    /** DJL's code for bilinear interpolation (Image.Interpolation.BILINEAR). */
    private static final int BILINEAR = 1;

    private Bilinear() {
    }

    /** @return {@code maps} [N, C, H, W] resized to [N, C, height, width], in the maps' manager */
    public static NDArray upsample(NDArray maps, long height, long width) {
        return maps.getNDArrayInternal().interpolation(new long[] {height, width}, BILINEAR, false);
    }

    /**
     * @param grid {@code gh x gw} values, row-major
     * @return {@code outH x outW} values, row-major (computed on the CPU)
     */
    public static float[] upsample(float[] grid, int gh, int gw, int outH, int outW) {
        try (NDManager manager = DjlRuntime.newManager(Device.cpu())) {
            NDArray in = manager.create(grid, new Shape(1, 1, gh, gw));
            return upsample(in, outH, outW).toFloatArray();
        }
    }
}
