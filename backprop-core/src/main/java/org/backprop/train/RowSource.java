package org.backprop.train;

import org.backprop.tensor.Matrix;

/**
 * The input rows a {@link Trainer} reads: {@link #rows()} × {@link #cols()} values, read a batch or
 * a block of rows at a time. A {@link Matrix} is one ({@link #of}); another may compute its rows
 * when they are read (for instance from a table's columns), so that the whole input matrix never
 * has to exist at once. Every read of a row gives the same values.
 */
public interface RowSource {

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
