package org.crossdefect.core.synth;

import java.nio.charset.StandardCharsets;

/**
 * Hashes that are fixed by this code alone (not by String.hashCode, iteration order or the JVM),
 * so an image's randomness depends only on its own identity and the spec's seed.
 */
final class StableHash {

    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private StableHash() {
    }

    /**
     * @return the seed of one image, from the spec seed and the image's place in the tree; adding
     *     or removing other categories or folders does not change it
     */
    static long imageSeed(long specSeed, String category, String folder, int index) {
        long h = FNV_OFFSET ^ mix64(specSeed);
        h = addString(h, category);
        h = addString(h, folder);
        h = (h ^ index) * FNV_PRIME;
        return mix64(h);
    }

    /** @return a well-mixed 64-bit value (the MurmurHash3 finaliser) */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** @return a value in [0, 1) fixed by a seed and two lattice coordinates */
    static double unit(long seed, long a, long b) {
        long h = mix64(seed ^ (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL));
        return (h >>> 11) * 0x1.0p-53;
    }

    private static long addString(long h, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * FNV_PRIME;
        }
        // A separator byte keeps ("ab","c") and ("a","bc") apart.
        return (h ^ 0xFF) * FNV_PRIME;
    }
}
