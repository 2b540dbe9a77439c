package org.backprop.train;

import org.backprop.tensor.Matrix;

/** The rows of a matrix as a {@link RowSource}: blocks are views, batches are row copies. */
record MatrixRows(Matrix x) implements RowSource {

    @Override
    public int rows() {
        return x.rows();
    }

    @Override
    public int cols() {
        return x.cols();
    }

    @Override
    public void gatherRows(int[] order, int from, int to, Matrix out, int outRow) {
        x.gatherRows(order, from, to, out, outRow);
    }

    @Override
    public Matrix rowBlock(int from, int to, Matrix scratch) {
        return x.rowRange(from, to);
    }

    @Override
    public boolean hasViews() {
        return true;
    }
}
