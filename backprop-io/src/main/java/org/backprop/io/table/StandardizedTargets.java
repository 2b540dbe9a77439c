package org.backprop.io.table;

import org.backprop.io.preprocess.RowSet;
import org.backprop.io.preprocess.ScalingOverflowException;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.tensor.Matrix;
import org.backprop.train.RowSource;

/**
 * Regression targets as the network takes them (n×1), standardized when they are read: row i is
 * {@code values[rows.tableRow(i)]} standardized by the one-column target scaler, equal to
 * {@code scaler.transform} of those values bit for bit. The values in the target's own units stay
 * the only copy (they are needed again for the metrics; the training and validation rows share
 * them), so training holds no second n-row array of targets.
 * Reads may run on several threads at once.
 */
final class StandardizedTargets implements RowSource {
    private final double[] values;
    private final RowSet rows;
    private final StandardScaler scaler;

    /**
     * @param values the target of each table row
     * @param rows   the table rows of these targets, in order
     * @param scaler a one-column scaler
     */
    StandardizedTargets(double[] values, RowSet rows, StandardScaler scaler) {
        if (scaler.columns() != 1) {
            throw new IllegalArgumentException("a target scaler of " + scaler.columns() + " columns for one target");
        }
        this.values = values;
        this.rows = rows;
        this.scaler = scaler;
    }

    /**
     * Reads every row once, so that a value the scaler cannot represent is found before training.
     *
     * @throws ScalingOverflowException naming the row of the first such value
     */
    void requireScalable() {
        Matrix block = Matrix.zeros(Math.max(1, Math.min(EncodedRows.BLOCK_ROWS, rows())), 1);
        for (int from = 0; from < rows(); from += EncodedRows.BLOCK_ROWS) {
            rowBlock(from, Math.min(from + EncodedRows.BLOCK_ROWS, rows()), block);
        }
    }

    @Override
    public int rows() {
        return rows.size();
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
            data[start + k * out.cols()] = values[rows.tableRow(order[from + k])];
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
        int[] tableRows = rows.tableRows(from, to);
        for (int k = 0; k < tableRows.length; k++) {
            block.data()[block.offset() + k] = values[tableRows[k]];
        }
        try {
            scaler.transformRowsInPlace(block.data(), block.offset(), to - from);
        } catch (ScalingOverflowException e) {
            throw e.atRow(from + e.row());
        }
        return block;
    }
}
