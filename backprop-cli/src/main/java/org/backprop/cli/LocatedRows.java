package org.backprop.cli;

import org.backprop.io.model.Model;
import org.backprop.io.table.LabeledRows;
import org.backprop.tensor.Matrix;

/**
 * Rows read from a file with where each came from, for messages about a row found after reading.
 *
 * @param rows   the network inputs (encoded from the table when read) and their targets
 * @param origin the file, line and columns of each row
 */
record LocatedRows(LabeledRows rows, RowOrigin origin) {

    /** The given rows (0-based positions), in the given order. */
    LocatedRows select(int[] picked) {
        return new LocatedRows(rows.select(picked), origin.select(picked));
    }

    /**
     * {@code model}'s network inputs for these rows (standardized).
     *
     * @throws org.backprop.io.DataException naming the file, line and column of a value that overflows
     */
    Matrix inputs(Model model) {
        return BatchedPredictions.inputs(model, rows.features(), origin);
    }
}
