package org.crossdefect.core.benchmark;

/**
 * A (dataset, target, method, seed) the benchmark did not produce, and why: an explained gap in
 * the tables, never a crash, a NaN or a silent hole.
 *
 * @param method the method, or {@link #ALL} when the target cannot be tested at all
 * @param seed the seed, or -1 for every seed
 * @param failed false for "not applicable" (known from the plan, before any work), true for a run
 *     that started and failed (the other runs are kept)
 */
public record NotRun(String dataset, String target, String method, long seed, boolean failed, String reason) {

    /** Method name of a gap that concerns every method. */
    public static final String ALL = "all";

    /** @return e.g. "hole/wood semlp seed 1: failed: ..." */
    public String describe() {
        return dataset + "/" + target + " " + method + (seed < 0 ? "" : " seed " + seed) + ": "
                + (failed ? "failed: " : "not applicable: ") + reason;
    }
}
