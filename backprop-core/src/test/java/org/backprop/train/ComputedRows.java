package org.backprop.train;

import org.backprop.tensor.Matrix;

/** The rows of a matrix, computed at every read (as table rows encoded when read are); counts row reads. */
final class ComputedRows implements RowSource {
    private final Matrix x;
    private long rowsRead;

    ComputedRows(Matrix x) {
        this.x = x;
    }

    /** Rows read so far, by batches and blocks. */
    synchronized long rowsRead() {
        return rowsRead;
    }

    @Override
    public int rows() {
        return x.rows();
    }

    @Override
    public int cols() {
        return x.cols();
    }

    @Override
    public synchronized void gatherRows(int[] order, int from, int to, Matrix out, int outRow) {
        rowsRead += to - from;
        x.gatherRows(order, from, to, out, outRow);
    }

    @Override
    public synchronized Matrix rowBlock(int from, int to, Matrix scratch) {
        rowsRead += to - from;
        Matrix block = scratch.rowRange(0, to - from);
        block.copyFrom(x.rowRange(from, to));
        return block;
    }
}
