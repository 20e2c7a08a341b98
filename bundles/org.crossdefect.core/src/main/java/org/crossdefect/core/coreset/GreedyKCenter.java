package org.crossdefect.core.coreset;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Greedy k-center selection (Sener and Savarese; PatchCore's coreset) over points held
 * column-major ({@code dim} columns of {@code n} floats) so the distance update of one iteration
 * is a plain loop over contiguous memory that the JIT vectorises, processed in blocks that keep
 * their partial sums in cache and run in parallel.
 *
 * <p>Each iteration adds the point farthest from the points chosen so far and lowers every
 * point's distance to the chosen set. The caller provides the initial distances (infinity for
 * an empty set, or the distances to an existing coreset), so the same code serves bulk, online
 * and batch-wise sampling.
 */
final class GreedyKCenter {

    private static final int BLOCK = 2048;

    private final float[][] columns;
    private final int n;
    private final int dim;

    /** @param rows {@code n x dim} values, row-major (converted to column-major here) */
    GreedyKCenter(float[] rows, int n, int dim) {
        this.n = n;
        this.dim = dim;
        this.columns = new float[dim][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                columns[j][i] = rows[i * dim + j];
            }
        }
    }

    /**
     * @param count how many points to choose (at most n)
     * @param minDistance squared distance of each point to the chosen set; updated in place
     * @param first the point to choose first if the chosen set is empty (all distances
     *     infinite), else ignored
     * @return the chosen points' indices, in the order chosen
     */
    int[] select(int count, float[] minDistance, int first) {
        int[] chosen = new int[Math.min(count, n)];
        boolean empty = Arrays.stream(indices()).allMatch(i -> Float.isInfinite(minDistance[i]));
        int next = empty ? first : argMax(minDistance);
        int blocks = (n + BLOCK - 1) / BLOCK;
        float[] blockMax = new float[blocks];
        int[] blockArg = new int[blocks];
        float[] center = new float[dim];
        for (int c = 0; c < chosen.length; c++) {
            chosen[c] = next;
            for (int j = 0; j < dim; j++) {
                center[j] = columns[j][next];
            }
            IntStream.range(0, blocks).parallel().forEach(b -> updateBlock(b, center, minDistance, blockMax, blockArg));
            // A chosen point has distance 0 to the set and is never picked again.
            minDistance[next] = 0f;
            next = blockArg[0];
            float best = blockMax[0];
            for (int b = 1; b < blocks; b++) {
                if (blockMax[b] > best) {
                    best = blockMax[b];
                    next = blockArg[b];
                }
            }
        }
        return chosen;
    }

    private void updateBlock(int b, float[] center, float[] minDistance, float[] blockMax, int[] blockArg) {
        int from = b * BLOCK;
        int to = Math.min(n, from + BLOCK);
        int len = to - from;
        float[] acc = new float[len];
        for (int j = 0; j < dim; j++) {
            float[] col = columns[j];
            float cj = center[j];
            for (int i = 0; i < len; i++) {
                float diff = col[from + i] - cj;
                acc[i] += diff * diff;
            }
        }
        float max = -1f;
        int arg = from;
        for (int i = 0; i < len; i++) {
            float d = Math.min(minDistance[from + i], acc[i]);
            minDistance[from + i] = d;
            if (d > max) {
                max = d;
                arg = from + i;
            }
        }
        blockMax[b] = max;
        blockArg[b] = arg;
    }

    private int[] indices() {
        return IntStream.range(0, n).toArray();
    }

    private static int argMax(float[] values) {
        int arg = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[arg]) {
                arg = i;
            }
        }
        return arg;
    }
}
