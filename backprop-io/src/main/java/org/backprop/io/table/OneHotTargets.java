package org.backprop.io.table;

import java.util.Arrays;
import java.util.Objects;
import org.backprop.io.preprocess.RowSet;
import org.backprop.tensor.Matrix;
import org.backprop.train.RowSource;

/**
 * Classification targets as the network takes them (n×k one-hot rows), written when they are read
 * from one class index per table row (shared by the table's training and validation rows): row i
 * is the one-hot row of {@code classes[rows.tableRow(i)]}, as {@code LabelEncoder.oneHot} writes
 * it, but 4 bytes a table row instead of 8·k a row. Reads may run on several threads at once.
 */
final class OneHotTargets implements RowSource {
    private final int[] classes;
    private final RowSet rows;
    private final int k;

    /**
     * @param classes each table row's class index, in [0, k) for the rows of {@code rows}
     * @param rows    the table rows of these targets, in order
     */
    OneHotTargets(int[] classes, RowSet rows, int k) {
        for (java.util.PrimitiveIterator.OfInt it = rows.iterator(); it.hasNext(); ) {
            Objects.checkIndex(classes[it.nextInt()], k);
        }
        this.classes = classes;
        this.rows = rows;
        this.k = k;
    }

    @Override
    public int rows() {
        return rows.size();
    }

    @Override
    public int cols() {
        return k;
    }

    @Override
    public void gatherRows(int[] order, int from, int to, Matrix out, int outRow) {
        for (int i = from; i < to; i++) {
            write(classes[rows.tableRow(order[i])], out, outRow + i - from);
        }
    }

    @Override
    public Matrix rowBlock(int from, int to, Matrix scratch) {
        Matrix block = scratch.rowRange(0, to - from);
        int[] tableRows = rows.tableRows(from, to);
        for (int i = 0; i < tableRows.length; i++) {
            write(classes[tableRows[i]], block, i);
        }
        return block;
    }

    private void write(int c, Matrix out, int row) {
        int start = out.offset() + row * out.cols();
        Arrays.fill(out.data(), start, start + k, 0.0);
        out.data()[start + c] = 1.0;
    }
}
