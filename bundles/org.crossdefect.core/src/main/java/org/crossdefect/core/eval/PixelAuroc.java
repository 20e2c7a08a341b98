package org.crossdefect.core.eval;

/** Pixel-level AUROC over the input crops ({@link PixelGrid}: which pixels count and how). */
public final class PixelAuroc {

    private PixelAuroc() {
    }

    public static double of(PixelGrid grid) {
        return Auroc.of(grid.scores(), grid.labels());
    }
}
