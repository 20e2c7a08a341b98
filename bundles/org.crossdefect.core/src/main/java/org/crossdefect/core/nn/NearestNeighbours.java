package org.crossdefect.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Exact k-nearest-neighbour search (Euclidean) over a fixed bank of vectors, by chunked matrix
 * products: {@code |q - m|^2 = |q|^2 + |m|^2 - 2 q.m}. Queries and bank are cut into chunks so
 * the distance matrix in memory never exceeds {@code queryChunk x bankChunk} values, whatever the
 * sizes; the partial top-k of each bank chunk are merged. Runs on the manager's device.
 */
public final class NearestNeighbours implements AutoCloseable {

    /** The k nearest bank entries of each query, nearest first. */
    public record Result(int queries, int k, float[] distances, int[] indices) {

        public float distance(int query, int rank) {
            return distances[query * k + rank];
        }

        public int index(int query, int rank) {
            return indices[query * k + rank];
        }
    }

    private static final int DEFAULT_QUERY_CHUNK = 2048;
    /** Below this many entries the fast search is the exact one: an index would save little. */
    public static final int SMALLEST_INDEXED_BANK = 4096;
    private static final int FEWEST_PROBES = 8;
    /**
     * Queries per block of the fast search: the more queries share a cell, the better its small
     * matrix product uses the cores (bottle, 128 cells: 2048 queries 2.8x faster than exact,
     * 16384 5.2x); 16384 x 768 floats are 50 MB.
     */
    public static final int FAST_QUERY_BLOCK = 16384;
    private static final int DEFAULT_BANK_CHUNK = 16384;

    private final NDManager manager;
    private final NDArray bank;
    private final NDArray bankNorms;
    private final int size;
    private final int dim;
    private final int queryChunk;
    private final int bankChunk;
    private InvertedLists invertedLists;
    private final org.crossdefect.core.runtime.UploadBuffer uploadBuffer = new org.crossdefect.core.runtime.UploadBuffer();
    /** The bank's values until the index is built from them. */
    private float[] bankValues;
    /** A layout read with the bank, used when the index is built. */
    private IndexLayout storedLayout;

    /**
     * @param bank {@code size x dim} values, row-major; copied to the manager's device
     * @param manager owns the bank; closed with this object
     */
    public NearestNeighbours(float[] bank, int size, int dim, NDManager manager) {
        this(bank, size, dim, manager, DEFAULT_QUERY_CHUNK, DEFAULT_BANK_CHUNK);
    }

    public NearestNeighbours(float[] bank, int size, int dim, NDManager manager, int queryChunk, int bankChunk) {
        if (bank.length != (long) size * dim) {
            throw new IllegalArgumentException(bank.length + " values for a bank of " + size + " x " + dim);
        }
        if (size == 0) {
            throw new IllegalArgumentException("the bank is empty");
        }
        this.manager = manager;
        this.size = size;
        this.dim = dim;
        this.queryChunk = queryChunk;
        this.bankChunk = bankChunk;
        this.bankValues = bank;
        this.bank = manager.create(bank, new Shape(size, dim));
        this.bankNorms = this.bank.square().sum(new int[] {1});
    }

    public int size() {
        return size;
    }

    public int dim() {
        return dim;
    }

    /**
     * @param queries {@code n x dim} values, row-major
     * @param k neighbours per query (at most the bank's size)
     */
    public synchronized Result search(float[] queries, int n, int k) {
        requireQueries(queries, n);
        int kk = Math.min(k, size);
        float[] distances = new float[n * kk];
        int[] indices = new int[n * kk];
        for (int q0 = 0; q0 < n; q0 += queryChunk) {
            int qn = Math.min(queryChunk, n - q0);
            try (NDManager scope = manager.newSubManager()) {
                NDArray q = upload(queries, q0, qn, scope);
                NDArray qNorms = q.square().sum(new int[] {1}, true);
                NDList best = smallest(kk, (from, to) -> {
                    NDArray chunk = bank.get(from + ":" + to);
                    NDArray norms = bankNorms.get(from + ":" + to);
                    chunk.attach(scope);
                    norms.attach(scope);
                    return q.matMul(chunk.transpose()).muli(-2).addi(qNorms).addi(norms.reshape(1, to - from));
                });
                float[] d = best.get(0).clip(0, Float.MAX_VALUE).sqrt().toFloatArray();
                long[] i = best.get(1).toType(DataType.INT64, false).toLongArray();
                System.arraycopy(d, 0, distances, q0 * kk, d.length);
                for (int j = 0; j < i.length; j++) {
                    indices[q0 * kk + j] = (int) i[j];
                }
            }
        }
        return new Result(n, kk, distances, indices);
    }

    /**
     * The nearest bank entry of each query: exactly, or ({@link Search#FAST}) among the entries
     * of the query's nearest cells of an {@link InvertedLists inverted-file index}, built on first
     * use. Small banks are always searched exactly: there the index saves nothing.
     */
    public synchronized Result nearest(float[] queries, int n, Search search) {
        requireQueries(queries, n);
        if (!approximates(search)) {
            return search(queries, n, 1);
        }
        InvertedLists index = index();
        float[] distances = new float[n];
        int[] indices = new int[n];
        for (int q0 = 0; q0 < n; q0 += FAST_QUERY_BLOCK) {
            int qn = Math.min(FAST_QUERY_BLOCK, n - q0);
            float[] d = new float[qn];
            int[] i = new int[qn];
            try (NDManager scope = manager.newSubManager()) {
                index.nearest(uploadBuffer.uploadWithOnes(queries, q0, qn, dim, scope), squaredNorms(queries, q0, qn),
                        d, i, scope);
            }
            for (int j = 0; j < qn; j++) {
                distances[q0 + j] = (float) Math.sqrt(Math.max(0, d[j]));
                indices[q0 + j] = i[j];
            }
        }
        return new Result(n, 1, distances, indices);
    }

    /** @return {@code |q|^2} of queries {@code [from, from + count)}, summed in double */
    private float[] squaredNorms(float[] queries, int from, int count) {
        float[] norms = new float[count];
        for (int j = 0; j < count; j++) {
            double sum = 0;
            for (int k = (from + j) * dim, end = k + dim; k < end; k++) {
                sum += (double) queries[k] * queries[k];
            }
            norms[j] = (float) sum;
        }
        return norms;
    }

    /** @return whether {@link #nearest} with this search may return a farther entry than the nearest */
    public boolean approximates(Search search) {
        return search == Search.FAST && size >= SMALLEST_INDEXED_BANK;
    }

    private synchronized InvertedLists index() {
        if (invertedLists == null) {
            int cells = cells();
            invertedLists = storedLayout != null
                    ? new InvertedLists(bankValues, size, dim, storedLayout, probes(cells), manager.newSubManager())
                    : new InvertedLists(bankValues, size, dim, cells, probes(cells), manager.newSubManager());
            bankValues = null;
            storedLayout = null;
        }
        return invertedLists;
    }

    /**
     * The fast search's index layout, to be kept with the bank (built now if no search has built
     * it yet).
     *
     * @return centroids ({@code cells x dim}) and each entry's cell; null for a bank that is
     *     always searched exactly
     */
    public synchronized IndexLayout indexLayout() {
        if (!approximates(Search.FAST)) {
            return null;
        }
        return index().layout();
    }

    /**
     * Uses a layout kept from {@link #indexLayout()} of this bank instead of computing it at the
     * first fast search: the same index, without the k-means.
     *
     * @throws IllegalArgumentException if the layout does not fit this bank
     */
    public synchronized void useIndexLayout(IndexLayout layout) {
        int cells = cells();
        if (!approximates(Search.FAST) || layout.centroids().length != (long) cells * dim
                || layout.cellOf().length != size) {
            throw new IllegalArgumentException("an index layout of " + layout.centroids().length + " centroid values and "
                    + layout.cellOf().length + " cells does not fit a bank of " + size + " x " + dim);
        }
        for (int c : layout.cellOf()) {
            if (c < 0 || c >= cells) {
                throw new IllegalArgumentException("an index layout names cell " + c + " of " + cells);
            }
        }
        if (invertedLists == null) {
            storedLayout = layout;
        }
    }

    /**
     * Where the fast search files the bank's entries: the k-means centroids ({@code cells x dim},
     * row-major) and each entry's cell. Kept in model files, so a loaded model searches without
     * running k-means again (about a second for a bank of 16,000 x 768).
     */
    public record IndexLayout(float[] centroids, int[] cellOf) {
    }

    /** Cells of the index: the square root of the bank's size. */
    private int cells() {
        return (int) Math.max(1, Math.round(Math.sqrt(size)));
    }

    /** Cells probed: a sixteenth of them, at least {@value #FEWEST_PROBES}. */
    static int probes(int cells) {
        return Math.min(cells, Math.max(FEWEST_PROBES, (cells + 15) / 16));
    }

    /** Smallest {@code k} values (ascending) and their bank indices of every row, over all bank chunks. */
    private NDList smallest(int k, BankChunkValues values) {
        NDArray bestValues = null;
        NDArray bestIndices = null;
        for (int b0 = 0; b0 < size; b0 += bankChunk) {
            int bn = Math.min(bankChunk, size - b0);
            NDArray squared = values.of(b0, b0 + bn);
            NDList top = squared.topK(Math.min(k, bn), 1, false, true);
            NDArray v = top.get(0);
            NDArray idx = top.get(1).add(b0);
            if (bestValues == null) {
                bestValues = v;
                bestIndices = idx;
            } else {
                NDArray allValues = NDArrays.concat(new NDList(bestValues, v), 1);
                NDArray allIndices = NDArrays.concat(new NDList(bestIndices, idx), 1);
                NDList merged = allValues.topK(Math.min(k, (int) allValues.getShape().get(1)), 1, false, true);
                bestValues = merged.get(0);
                bestIndices = allIndices.gather(merged.get(1), 1);
            }
        }
        return new NDList(bestValues, bestIndices);
    }

    /** Squared distances of the current query block to bank entries {@code [from, to)}. */
    private interface BankChunkValues {
        NDArray of(int from, int to);
    }

    private void requireQueries(float[] queries, int n) {
        if (queries.length < (long) n * dim) {
            throw new IllegalArgumentException(queries.length + " values for " + n + " queries of " + dim);
        }
    }

    /**
     * Queries {@code [from, from + count)} as an array in {@code scope}, through one reused direct
     * buffer ({@link UploadBuffer}); the searches are synchronized, so the array is closed with
     * its scope before the buffer is filled again.
     */
    private NDArray upload(float[] queries, int from, int count, NDManager scope) {
        return uploadBuffer.upload(queries, from * dim, new Shape(count, dim), scope);
    }

    @Override
    public void close() {
        manager.close();
    }
}
