package org.backprop.train;

import java.util.Locale;

import org.backprop.tensor.Matrix;

/**
 * The check {@link Trainer#fit} makes of its data before the first step: every value of the inputs
 * and targets finite. A NaN or infinite cell would otherwise surface later as a diverged loss
 * blamed on a layer and the learning rate (training data), or as a NaN validation loss that never
 * improves, so that early stopping never fires (validation data). One pass over each matrix or row
 * source per fit; a source that computes its rows is read a block at a time.
 */
final class FiniteData {
    /** Rows read at a time from a row source that computes its rows. */
    private static final int BLOCK_ROWS = 1024;

    private FiniteData() {
    }

    /**
     * Refuses {@code rows} if it holds a NaN or infinite value.
     *
     * @param what names the data in the message, e.g. {@code "training X"}
     * @throws IllegalArgumentException naming {@code what}, the first such value's row and column
     *                                  (0-based) and the value, and how many there are in all
     */
    static void check(String what, RowSource rows) {
        Matrix scratch = rows.hasViews() ? null : Matrix.zeros(Math.min(BLOCK_ROWS, rows.rows()), rows.cols());
        long count = 0;
        int firstRow = -1;
        int firstCol = -1;
        double firstValue = 0;
        for (int from = 0; from < rows.rows(); from += BLOCK_ROWS) {
            Matrix block = rows.rowBlock(from, Math.min(rows.rows(), from + BLOCK_ROWS), scratch);
            double[] data = block.data();
            int cols = block.cols();
            for (int i = 0; i < block.rows(); i++) {
                for (int j = 0, k = block.offset() + i * cols; j < cols; j++, k++) {
                    if (!Double.isFinite(data[k])) {
                        if (count++ == 0) {
                            firstRow = from + i;
                            firstCol = j;
                            firstValue = data[k];
                        }
                    }
                }
            }
        }
        if (count > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fit: %s has %s at row %d, column %d (0-based; %d non-finite value%s in all): the data must be "
                            + "finite; drop or impute missing values first", what, firstValue, firstRow, firstCol,
                    count, count == 1 ? "" : "s"));
        }
    }

    /** As {@link #check(String, RowSource)} for the rows of a matrix. */
    static void check(String what, Matrix rows) {
        check(what, RowSource.of(rows));
    }
}
