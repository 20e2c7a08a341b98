package org.crossdefect.core.synth;

import java.util.SplittableRandom;

/**
 * A rotated ellipse whose radius wobbles with the angle (low-frequency noise), the outline of
 * holes and stains: round enough to read as one blob, irregular enough not to look stamped.
 */
final class NoisyEllipse {

    private final double centreX;
    private final double centreY;
    private final double radiusX;
    private final double radiusY;
    private final double cos;
    private final double sin;
    private final double wobble;
    private final ValueNoise noise;

    /**
     * @param radius the mean radius in pixels
     * @param wobble how much the radius varies around the outline, relative (0.3 = +-15 %)
     */
    NoisyEllipse(double centreX, double centreY, double radius, double wobble, SplittableRandom rng) {
        this.centreX = centreX;
        this.centreY = centreY;
        double aspect = 0.7 + 0.6 * rng.nextDouble();
        radiusX = radius * Math.sqrt(aspect);
        radiusY = radius / Math.sqrt(aspect);
        double angle = Math.PI * rng.nextDouble();
        cos = Math.cos(angle);
        sin = Math.sin(angle);
        this.wobble = wobble;
        noise = new ValueNoise(rng.nextLong());
    }

    /** @return the largest distance from the centre any point with {@code relativeDistance <= q} can have */
    double reach(double q) {
        return Math.max(radiusX, radiusY) * (1 + wobble / 2) * q + 1;
    }

    /** @return below 1 inside the outline, 1 on it, above outside, for the pixel centre (x, y) */
    double relativeDistance(int x, int y) {
        double dx = x + 0.5 - centreX;
        double dy = y + 0.5 - centreY;
        double ex = (cos * dx + sin * dy) / radiusX;
        double ey = (-sin * dx + cos * dy) / radiusY;
        double outline = 1 + wobble * (noise.around(Math.atan2(ey, ex), 1.5) - 0.5);
        return Math.hypot(ex, ey) / outline;
    }
}
