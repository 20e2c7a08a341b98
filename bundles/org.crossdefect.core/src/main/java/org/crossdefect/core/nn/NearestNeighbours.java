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
    private static final int DEFAULT_BANK_CHUNK = 16384;

    private final NDManager manager;
    private final NDArray bank;
    private final NDArray bankNorms;
    private final int size;
    private final int dim;
    private final int queryChunk;
    private final int bankChunk;

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
    public Result search(float[] queries, int n, int k) {
        if (queries.length != (long) n * dim) {
            throw new IllegalArgumentException(queries.length + " values for " + n + " queries of " + dim);
        }
        int kk = Math.min(k, size);
        float[] distances = new float[n * kk];
        int[] indices = new int[n * kk];
        for (int q0 = 0; q0 < n; q0 += queryChunk) {
            int qn = Math.min(queryChunk, n - q0);
            try (NDManager scope = manager.newSubManager()) {
                float[] slice = new float[qn * dim];
                System.arraycopy(queries, q0 * dim, slice, 0, slice.length);
                NDArray q = scope.create(slice, new Shape(qn, dim));
                NDArray qNorms = q.square().sum(new int[] {1}, true);
                NDArray bestValues = null;
                NDArray bestIndices = null;
                for (int b0 = 0; b0 < size; b0 += bankChunk) {
                    int bn = Math.min(bankChunk, size - b0);
                    NDArray chunk = bank.get(b0 + ":" + (b0 + bn));
                    chunk.attach(scope);
                    NDArray norms = bankNorms.get(b0 + ":" + (b0 + bn));
                    norms.attach(scope);
                    NDArray squared = q.matMul(chunk.transpose()).muli(-2).addi(qNorms).addi(norms.reshape(1, bn));
                    NDList top = squared.topK(Math.min(kk, bn), 1, false, true);
                    NDArray values = top.get(0);
                    NDArray idx = top.get(1).add(b0);
                    if (bestValues == null) {
                        bestValues = values;
                        bestIndices = idx;
                    } else {
                        NDArray allValues = NDArrays.concat(new NDList(bestValues, values), 1);
                        NDArray allIndices = NDArrays.concat(new NDList(bestIndices, idx), 1);
                        NDList merged = allValues.topK(kk, 1, false, true);
                        bestValues = merged.get(0);
                        bestIndices = allIndices.gather(merged.get(1), 1);
                    }
                }
                float[] d = bestValues.clip(0, Float.MAX_VALUE).sqrt().toFloatArray();
                long[] i = bestIndices.toType(DataType.INT64, false).toLongArray();
                System.arraycopy(d, 0, distances, q0 * kk, d.length);
                for (int j = 0; j < i.length; j++) {
                    indices[q0 * kk + j] = (int) i[j];
                }
            }
        }
        return new Result(n, kk, distances, indices);
    }

    @Override
    public void close() {
        manager.close();
    }
}
