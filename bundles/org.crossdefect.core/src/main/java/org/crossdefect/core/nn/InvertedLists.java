package org.crossdefect.core.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * An inverted-file index over a fixed bank (the coarse quantiser of Jégou et al.'s IVF): the bank
 * is cut into {@code lists} cells by k-means, each entry filed under its nearest centroid; a
 * query is compared with the centroids and then, exactly, with the entries of its
 * {@code probes} nearest cells only. With 128 cells and 8 probes that is about a sixteenth of the
 * bank's distances. The answer is approximate: a nearest entry filed in a cell that was not
 * probed is missed and the next nearest found, so a patch's distance can only come out too large,
 * never too small. Queries that probe the same cell are answered by one matrix product.
 */
final class InvertedLists implements AutoCloseable {

    private static final int ITERATIONS = 10;
    private static final long SEED = 0x1f_ce11L;

    private final NDManager manager;
    private final int probes;
    /** The non-empty cells' centroids, {@link #augmented}. */
    private final NDArray centroids;
    /** Per cell: its entries' vectors, {@link #augmented}, and their bank indices. */
    private final List<NDArray> cellVectors = new ArrayList<>();
    private final List<int[]> cellEntries = new ArrayList<>();

    private final NearestNeighbours.IndexLayout layout;

    /**
     * @param bank {@code size x dim}, row-major
     * @param lists cells (at most the bank's size)
     * @param probes cells searched per query
     */
    InvertedLists(float[] bank, int size, int dim, int lists, int probes, NDManager manager) {
        this(bank, size, dim, layout(bank, size, dim, Math.min(lists, size), manager), probes, manager);
    }

    /** An index with a layout computed earlier for this bank ({@link #layout()}). */
    InvertedLists(float[] bank, int size, int dim, NearestNeighbours.IndexLayout layout, int probes,
            NDManager manager) {
        this.manager = manager;
        this.layout = layout;
        int cells = layout.centroids().length / dim;
        this.probes = Math.min(probes, cells);
        float[] means = layout.centroids();
        int[][] members = byCell(layout.cellOf(), cells);
        // Only non-empty cells are kept: a centroid without entries would be probed for nothing.
        List<float[]> kept = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            if (members[c].length == 0) {
                continue;
            }
            float[] rows = new float[members[c].length * dim];
            for (int j = 0; j < members[c].length; j++) {
                System.arraycopy(bank, members[c][j] * dim, rows, j * dim, dim);
            }
            cellVectors.add(augmented(rows, members[c].length, dim, manager));
            cellEntries.add(members[c]);
            kept.add(Arrays.copyOfRange(means, c * dim, (c + 1) * dim));
        }
        float[] centres = new float[kept.size() * dim];
        for (int c = 0; c < kept.size(); c++) {
            System.arraycopy(kept.get(c), 0, centres, c * dim, dim);
        }
        this.centroids = augmented(centres, kept.size(), dim, manager);
    }

    /** @return the k-means result this index was built from */
    NearestNeighbours.IndexLayout layout() {
        return layout;
    }

    private static NearestNeighbours.IndexLayout layout(float[] bank, int size, int dim, int cells, NDManager manager) {
        float[] means = kMeans(bank, size, dim, cells, manager);
        return new NearestNeighbours.IndexLayout(means, assign(bank, size, means, cells, manager));
    }

    /**
     * Nearest entry of each query among the entries of its probed cells.
     *
     * @param withOne the queries with a 1 appended, {@code n x (dim + 1)}, on this index's device,
     *     in {@code scope} (the augmented form of {@link #augmented})
     * @param queryNorms {@code |q|^2} of each query
     * @param squaredDistances out: squared distances, {@code n}
     * @param indices out: bank indices, {@code n}
     */
    void nearest(NDArray withOne, float[] queryNorms, float[] squaredDistances, int[] indices, NDManager scope) {
        int p = Math.min(probes, cellVectors.size());
        int[] probed = withOne.matMul(centroids).topK(p, 1, true, false).get(1).toType(DataType.INT32, false)
                .toIntArray();
        int cells = cellVectors.size();
        // Per cell, the positions in `probed` that name it; position i is query i / p.
        int[][] probes = byCell(probed, cells);
        Arrays.fill(squaredDistances, Float.POSITIVE_INFINITY);
        for (int c = 0; c < cells; c++) {
            if (probes[c].length == 0) {
                continue;
            }
            long[] askers = Arrays.stream(probes[c]).asLongStream().map(i -> i / p).toArray();
            try (NDManager cell = scope.newSubManager()) {
                NDArray q = withOne.get(cell.create(askers));
                q.attach(cell);
                NDList best = q.matMul(cellVectors.get(c)).topK(1, 1, true, false);
                float[] value = best.get(0).toFloatArray();
                long[] at = best.get(1).toType(DataType.INT64, false).toLongArray();
                int[] entries = cellEntries.get(c);
                for (int j = 0; j < askers.length; j++) {
                    int query = (int) askers[j];
                    // |q - m|^2 = |q|^2 - 2 (q.m - |m|^2 / 2): the largest product is the nearest entry.
                    float d = queryNorms[query] - 2 * value[j];
                    if (d < squaredDistances[query]) {
                        squaredDistances[query] = d;
                        indices[query] = entries[(int) at[j]];
                    }
                }
            }
        }
    }

    /**
     * Vectors as a {@code (dim + 1) x n} matrix whose last row is {@code -|m|^2 / 2}: a query
     * with a 1 appended then gets {@code q.m - |m|^2 / 2} from one matrix product, largest for the
     * nearest vector, with no element-wise passes over the distances (they cost a third of the
     * per-cell work). Kept transposed and contiguous: a transposed view costs a copy each time.
     */
    private static NDArray augmented(float[] rows, int n, int dim, NDManager manager) {
        float[] columns = new float[(dim + 1) * n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int k = 0; k < dim; k++) {
                float v = rows[j * dim + k];
                columns[k * n + j] = v;
                norm += (double) v * v;
            }
            columns[dim * n + j] = (float) (-norm / 2);
        }
        return manager.create(columns, new Shape(dim + 1, n));
    }

    /** Lloyd's k-means from a seeded choice of bank rows; an emptied cell restarts at a random row. */
    private static float[] kMeans(float[] bank, int size, int dim, int cells, NDManager manager) {
        SplittableRandom random = new SplittableRandom(SEED);
        float[] means = new float[cells * dim];
        int[] start = random.ints(0, size).distinct().limit(cells).toArray();
        for (int c = 0; c < cells; c++) {
            System.arraycopy(bank, start[c] * dim, means, c * dim, dim);
        }
        for (int it = 0; it < ITERATIONS; it++) {
            int[] cellOf = assign(bank, size, means, cells, manager);
            double[] sums = new double[cells * dim];
            int[] counts = new int[cells];
            for (int i = 0; i < size; i++) {
                int c = cellOf[i];
                counts[c]++;
                int to = c * dim;
                int from = i * dim;
                for (int k = 0; k < dim; k++) {
                    sums[to + k] += bank[from + k];
                }
            }
            for (int c = 0; c < cells; c++) {
                if (counts[c] == 0) {
                    System.arraycopy(bank, random.nextInt(size) * dim, means, c * dim, dim);
                    continue;
                }
                for (int k = 0; k < dim; k++) {
                    means[c * dim + k] = (float) (sums[c * dim + k] / counts[c]);
                }
            }
        }
        return means;
    }

    /** @return the nearest centroid of every bank row (exact) */
    private static int[] assign(float[] bank, int size, float[] means, int cells, NDManager manager) {
        int dim = means.length / cells;
        try (NDManager scope = manager.newSubManager();
                NearestNeighbours nn = new NearestNeighbours(means, cells, dim, scope.newSubManager())) {
            return nn.search(bank, size, 1).indices();
        }
    }

    /** @return per cell, in order, the positions {@code i} with {@code cellOf[i]} that cell */
    private static int[][] byCell(int[] cellOf, int cells) {
        int[] counts = new int[cells];
        for (int c : cellOf) {
            counts[c]++;
        }
        int[][] members = new int[cells][];
        for (int c = 0; c < cells; c++) {
            members[c] = new int[counts[c]];
        }
        int[] filled = new int[cells];
        for (int i = 0; i < cellOf.length; i++) {
            members[cellOf[i]][filled[cellOf[i]]++] = i;
        }
        return members;
    }

    @Override
    public void close() {
        manager.close();
    }
}
