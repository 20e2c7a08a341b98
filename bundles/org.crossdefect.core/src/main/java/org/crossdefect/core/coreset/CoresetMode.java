package org.crossdefect.core.coreset;

import java.util.Locale;

/** How the coreset is built (the paper's Section A.3). */
public enum CoresetMode {
    /** PatchCore's original: all embeddings first, then {@code ceil(N * r)} selected greedily. */
    BULK,
    /** The paper's Algorithm 1: per image, {@code ceil(|M| * r)} of its patches join the coreset. */
    ONLINE,
    /** The paper's Algorithm 2: the same per batch of images. */
    BATCH;

    public static CoresetMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace("-WISE", "").replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("coreset mode '" + name + "' is not one of bulk, online, batch");
        }
    }
}
