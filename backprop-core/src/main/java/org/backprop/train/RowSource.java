package org.backprop.train;

import org.backprop.tensor.Matrix;

/**
 * The input rows a {@link Trainer} reads: {@link #rows()} × {@link #cols()} values, read a batch or
 * a block of rows at a time. A {@link Matrix} is one ({@link #of}); another may compute its rows
 * when they are read (for instance from a table's columns), so that the whole input matrix never
 * has to exist at once. Every read of a row gives the same values.
 */
public interface RowSource {
    /**
     * Values a block of rows read or computed at once holds at most (8 MiB of {@code double}s), so
     * that a wide table's blocks and the buffers sized like them stay a constant instead of growing
     * with the number of columns: 4,096 rows of 5,000 inputs would be 160 MB a buffer.
     */
    int BLOCK_VALUES = 1 << 20;

    /**
     * Rows per block of {@code cols}-value rows: {@code maxRows}, or as many as fit in
     * {@link #BLOCK_VALUES} values when fewer do, but at least 2 (a block of one row is a
     * matrix–vector product, which the float32 kernels round differently, see
     * {@link org.backprop.network.Predictor}).
     */
    static int rowsPerBlock(int cols, int maxRows) {
        return Math.max(Math.min(2, maxRows), Math.min(maxRows, BLOCK_VALUES / Math.max(1, cols)));
    }

    /** Number of rows. */
    int rows();

    /** Number of values per row. */
    int cols();

    /**
     * Copies rows {@code order[from..to)} into rows {@code outRow…} of {@code out} (shape
     * ≥ (outRow + to − from) × {@link #cols()}), in order. Calls for disjoint output rows may run at
     * the same time on different threads.
     */
    void gatherRows(int[] order, int from, int to, Matrix out, int outRow);

    /**
     * Rows {@code [from, to)} as a (to − from) × {@link #cols()} matrix: a view of the rows, or their
     * values written into the first rows of {@code scratch} (shape ≥ (to − from) × {@link #cols()},
     * or null when the source has views) and a view of those.
     */
    Matrix rowBlock(int from, int to, Matrix scratch);

    /** True if {@link #rowBlock} returns views and needs no scratch matrix. */
    default boolean hasViews() {
        return false;
    }

    /** The rows of {@code x} (views, no copy). */
    static RowSource of(Matrix x) {
        return new MatrixRows(x);
    }
}
