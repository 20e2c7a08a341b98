package org.crossdefect.core.synth;

/**
 * Smooth 2-D value noise on an unbounded integer lattice: random values at lattice points,
 * blended with a smoothstep. Hash-based (no table), so any offset of the texture is as cheap as
 * any other and one seed fixes the whole field.
 */
final class ValueNoise {

    private final long seed;

    ValueNoise(long seed) {
        this.seed = seed;
    }

    /** @return the noise at (x, y), in [0, 1], varying over about one lattice unit */
    double at(double x, double y) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        long x0 = (long) fx;
        long y0 = (long) fy;
        double tx = smooth(x - fx);
        double ty = smooth(y - fy);
        double top = lerp(StableHash.unit(seed, x0, y0), StableHash.unit(seed, x0 + 1, y0), tx);
        double bottom = lerp(StableHash.unit(seed, x0, y0 + 1), StableHash.unit(seed, x0 + 1, y0 + 1), tx);
        return lerp(top, bottom, ty);
    }

    /** @return a sum of octaves (each twice as fine and half as strong), in [0, 1] */
    double fractal(double x, double y, int octaves) {
        double sum = 0;
        double weight = 0;
        double amplitude = 1;
        double frequency = 1;
        for (int o = 0; o < octaves; o++) {
            // Shifting each octave keeps lattice points of different octaves from lining up.
            sum += amplitude * at(x * frequency + 17.3 * o, y * frequency - 31.7 * o);
            weight += amplitude;
            amplitude *= 0.5;
            frequency *= 2;
        }
        return sum / weight;
    }

    /** @return periodic noise around a circle, for wobbling outlines; in [0, 1] */
    double around(double angle, double roughness) {
        return fractal(100 + roughness * Math.cos(angle), 100 + roughness * Math.sin(angle), 2);
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
