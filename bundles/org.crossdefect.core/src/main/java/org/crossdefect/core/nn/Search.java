package org.crossdefect.core.nn;

/**
 * How a nearest-neighbour query over a memory bank is answered: exactly, or by an inverted-file
 * index ({@link InvertedLists}) that compares each query with a sixteenth of the bank and may
 * return a farther entry than the nearest (recall@1 0.999 on bottle, 0.985 on real-dev's
 * metal_plate target), never a nearer one.
 */
public enum Search {
    /** Every bank entry's distance, by full-dimensional matrix products. */
    EXACT,
    /** Exact distances to the entries of the query's nearest k-means cells only. */
    FAST;

    /** The search predictions use unless told otherwise. */
    public static final Search DEFAULT = FAST;

    /** @throws IllegalArgumentException naming the accepted values */
    public static Search parse(String value) {
        for (Search s : values()) {
            if (s.name().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("search '" + value + "' is not known; use exact or fast");
    }
}
