package org.backprop.io.table;

import org.backprop.io.preprocess.ScalingOverflowException;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.tensor.Matrix;
import org.backprop.train.RowSource;

/**
 * Regression targets as the network takes them (n×1), standardized when they are read: row i is
 * {@code values[i]} standardized by the one-column target scaler, equal to
 * {@code scaler.transform(values)} bit for bit. The values in the target's own units stay the only
 * copy (they are needed again for the metrics), so training holds no second n-row array of targets.
 * Reads may run on several threads at once.
 */
final class StandardizedTargets implements RowSource {
    private final double[] values;
    private final StandardScaler scaler;

    /** @param scaler a one-column scaler */
    StandardizedTargets(double[] values, StandardScaler scaler) {
        if (scaler.columns() != 1) {
            throw new IllegalArgumentException("a target scaler of " + scaler.columns() + " columns for one target");
        }
        this.values = values;
        this.scaler = scaler;
    }

    /**
     * Reads every row once, so that a value the scaler cannot represent is found before training.
     *
     * @throws ScalingOverflowException naming the row of the first such value
     */
    void requireScalable() {
        Matrix block = Matrix.zeros(Math.max(1, Math.min(EncodedRows.BLOCK_ROWS, values.length)), 1);
        for (int from = 0; from < values.length; from += EncodedRows.BLOCK_ROWS) {
            rowBlock(from, Math.min(from + EncodedRows.BLOCK_ROWS, values.length), block);
        }
    }

    @Override
    public int rows() {
        return values.length;
    }

    @Override
    public int cols() {
        return 1;
    }

    @Override
    public void gatherRows(int[] order, int from, int to, Matrix out, int outRow) {
        double[] data = out.data();
        int start = out.offset() + outRow * out.cols();
        for (int k = 0; k < to - from; k++) {
            data[start + k * out.cols()] = values[order[from + k]];
        }
        try {
            if (out.cols() == 1) {
                scaler.transformRowsInPlace(data, start, to - from);
            } else {
                for (int k = 0; k < to - from; k++) {
                    scaler.transformRowsInPlace(data, start + k * out.cols(), 1);
                }
            }
        } catch (ScalingOverflowException e) {
            throw e.atRow(order[from + e.row()]);
        }
    }

    @Override
    public Matrix rowBlock(int from, int to, Matrix scratch) {
        Matrix block = scratch.rowRange(0, to - from);
        if (block.cols() != 1) {
            throw new IllegalArgumentException("standardized targets: a scratch of " + block.cols() + " columns");
        }
        System.arraycopy(values, from, block.data(), block.offset(), to - from);
        try {
            scaler.transformRowsInPlace(block.data(), block.offset(), to - from);
        } catch (ScalingOverflowException e) {
            throw e.atRow(from + e.row());
        }
        return block;
    }
}
