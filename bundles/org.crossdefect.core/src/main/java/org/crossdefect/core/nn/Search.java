package org.crossdefect.core.nn;

/**
 * How a nearest-neighbour query over a memory bank is answered. Both give the exact nearest
 * entry: {@link #FAST} ranks the bank by a cheap lower bound of the distance and proves each
 * answer against it, falling back to the full search for the queries it cannot prove.
 */
public enum Search {
    /** Every bank entry's distance, by full-dimensional matrix products. */
    EXACT,
    /** Candidates by a projected lower bound, then exact distances; proven equal to {@link #EXACT}. */
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
