package org.backprop.spark.data;

import org.backprop.io.DataException;
import org.backprop.io.csv.ColumnarTable;

/**
 * One Spark partition of an input table, read on its executor by backprop's own column reader
 * (the cells parse exactly as in {@code backprop train}), or the data error that stopped the
 * reading. Lines and rows are local to the partition: local line L is line L + (rows of the
 * earlier partitions) of the whole input. Cached on the executors (memory, else their disk), never
 * sent to the driver.
 *
 * @param partition the partition index
 * @param table     the partition's rows, or null when {@code error} is set (or the partition is empty)
 * @param error     the first data error of the partition, with a local line number, or null
 */
record TablePart(int partition, ColumnarTable table, DataException error) implements java.io.Serializable {

    /** Rows in this partition (0 if it failed or is empty). */
    int rows() {
        return table == null ? 0 : table.rowCount();
    }

    /** The same error at its line in the whole input. */
    static DataException shifted(DataException e, long rowOffset) {
        DataException.Builder b = DataException.in(e.getFile())
                .line(e.getLine() <= 1 ? e.getLine() : e.getLine() + rowOffset)
                .column(e.getColumn(), e.getColumnName());
        if (e.getText() != null) {
            b.text(e.getText());
        }
        return b.problem(e.getProblem());
    }
}
