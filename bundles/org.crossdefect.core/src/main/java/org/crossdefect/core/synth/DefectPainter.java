package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/**
 * Paints one defect of a kind onto a good image and says exactly which pixels it changed.
 * Defects stay inside the canvas's object region, so on object styles they are never on the
 * background.
 */
final class DefectPainter {

    private DefectPainter() {
    }

    /**
     * @return the defect mask, one flag per pixel (row-major); true where the defect changed the
     *     pixel substantially; at least one pixel is set
     */
    static boolean[] paint(DefectKind kind, Canvas canvas, SplittableRandom rng) {
        boolean[] mask = switch (kind) {
            case HOLE -> HoleDefect.paint(canvas, rng);
            case CUT -> CutDefect.paint(canvas, rng);
            case COLOR -> StainDefect.paint(canvas, rng);
        };
        for (boolean set : mask) {
            if (set) {
                return mask;
            }
        }
        // Every painter marks its centre pixel, which lies on the object; this cannot happen.
        throw new IllegalStateException("the " + kind.folderName() + " defect changed no pixel");
    }

    /**
     * @param margin how far (in pixels) around the centre should still be object, so the whole
     *     defect fits; relaxed if no such place is found
     * @return the index of a pixel of the object to centre a defect on
     */
    static int pickCentre(Canvas canvas, SplittableRandom rng, double margin) {
        int[] objectPixels = objectPixels(canvas);
        int size = canvas.size;
        int fallback = -1;
        for (int attempt = 0; attempt < 300; attempt++) {
            int candidate = objectPixels[rng.nextInt(objectPixels.length)];
            if (surrounded(canvas, candidate % size, candidate / size, margin)) {
                return candidate;
            }
            if (fallback < 0) {
                fallback = candidate;
            }
        }
        return fallback;
    }

    private static int[] objectPixels(Canvas canvas) {
        int count = 0;
        for (boolean on : canvas.object) {
            count += on ? 1 : 0;
        }
        if (count == 0) {
            throw new IllegalStateException("the image has no object to put a defect on");
        }
        int[] pixels = new int[count];
        int next = 0;
        for (int i = 0; i < canvas.object.length; i++) {
            if (canvas.object[i]) {
                pixels[next++] = i;
            }
        }
        return pixels;
    }

    /** @return whether points on a circle of the given radius around (x, y) are all object */
    private static boolean surrounded(Canvas canvas, int x, int y, double radius) {
        int size = canvas.size;
        for (int k = 0; k < 16; k++) {
            double a = k * Math.PI / 8;
            int px = (int) Math.round(x + radius * Math.cos(a));
            int py = (int) Math.round(y + radius * Math.sin(a));
            if (px < 0 || py < 0 || px >= size || py >= size || !canvas.object[py * size + px]) {
                return false;
            }
        }
        return true;
    }
}
