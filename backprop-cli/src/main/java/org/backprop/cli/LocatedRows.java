package org.backprop.cli;

import org.backprop.io.table.LabeledRows;

/**
 * Rows read from a file with where each came from, for messages about a row found after reading.
 *
 * @param rows   the encoded rows and their targets
 * @param origin the file, line and columns of each row
 */
record LocatedRows(LabeledRows rows, RowOrigin origin) {
}
