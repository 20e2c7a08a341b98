package org.crossdefect.core.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A cut or crack: a jagged random walk through a point of the object, drawn as a thin dark
 * stroke of slightly varying width.
 */
final class CutDefect {

    private static final double[] GAP = {8, 6, 6};

    private CutDefect() {
    }

    static boolean[] paint(Canvas canvas, SplittableRandom rng) {
        int size = canvas.size;
        double length = size * (0.25 + 0.25 * rng.nextDouble());
        // 2-4 px at 256, never thinner than one pixel.
        double width = Math.max(1, size / 256.0 * (2 + 2 * rng.nextDouble()));
        int centre = DefectPainter.pickCentre(canvas, rng, width);
        double[] start = {centre % size + 0.5, centre / size + 0.5};
        double heading = 2 * Math.PI * rng.nextDouble();

        List<double[]> backward = walk(canvas, start, heading + Math.PI, length / 2, rng);
        List<double[]> path = new ArrayList<>(backward);
        Collections.reverse(path);
        path.add(start);
        path.addAll(walk(canvas, start, heading, length / 2, rng));

        boolean[] mask = new boolean[size * size];
        ValueNoise widthNoise = new ValueNoise(rng.nextLong());
        // A walk that could not take a single step still leaves a dot at its start.
        int segments = Math.max(1, path.size() - 1);
        for (int s = 0; s < segments; s++) {
            double[] a = path.get(s);
            double[] b = path.get(Math.min(s + 1, path.size() - 1));
            // Half a pixel plus a little keeps a one-pixel stroke 8-connected at any angle.
            double halfWidth = Math.max(0.55, width / 2 * (0.7 + 0.6 * widthNoise.at(s * 0.3, 0)));
            stamp(canvas, mask, a, b, halfWidth);
        }
        return mask;
    }

    /**
     * @return the points of a jagged walk from {@code start} (excluded); it stops early where the
     *     next step would leave the image or the object
     */
    private static List<double[]> walk(Canvas canvas, double[] start, double heading, double length,
            SplittableRandom rng) {
        int size = canvas.size;
        double step = Math.max(1.0, size / 128.0);
        List<double[]> points = new ArrayList<>();
        double x = start[0];
        double y = start[1];
        double direction = heading;
        for (double travelled = 0; travelled < length; travelled += step) {
            // Jagged but going somewhere: each turn is random and pulled back to the heading.
            direction = heading + 0.5 * (direction - heading) + 0.45 * Gaussian.next(rng);
            double nx = x + step * Math.cos(direction);
            double ny = y + step * Math.sin(direction);
            int px = (int) Math.floor(nx);
            int py = (int) Math.floor(ny);
            if (px < 0 || py < 0 || px >= size || py >= size || !canvas.object[py * size + px]) {
                break;
            }
            x = nx;
            y = ny;
            points.add(new double[] {x, y});
        }
        return points;
    }

    /** Darkens every object pixel whose centre lies within {@code halfWidth} of segment a-b. */
    private static void stamp(Canvas canvas, boolean[] mask, double[] a, double[] b, double halfWidth) {
        int size = canvas.size;
        int x0 = Math.max(0, (int) Math.floor(Math.min(a[0], b[0]) - halfWidth - 1));
        int x1 = Math.min(size - 1, (int) Math.ceil(Math.max(a[0], b[0]) + halfWidth + 1));
        int y0 = Math.max(0, (int) Math.floor(Math.min(a[1], b[1]) - halfWidth - 1));
        int y1 = Math.min(size - 1, (int) Math.ceil(Math.max(a[1], b[1]) + halfWidth + 1));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int i = y * size + x;
                if (mask[i] || !canvas.object[i]) {
                    continue;
                }
                if (distanceToSegment(x + 0.5, y + 0.5, a, b) <= halfWidth) {
                    canvas.set(i,
                            ValueNoise.lerp(canvas.red[i], GAP[0], 0.9),
                            ValueNoise.lerp(canvas.green[i], GAP[1], 0.9),
                            ValueNoise.lerp(canvas.blue[i], GAP[2], 0.9));
                    mask[i] = true;
                }
            }
        }
    }

    private static double distanceToSegment(double px, double py, double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((px - a[0]) * dx + (py - a[1]) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
    }
}
