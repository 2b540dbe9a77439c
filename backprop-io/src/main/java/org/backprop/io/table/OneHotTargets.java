package org.backprop.io.table;

import java.util.Arrays;
import java.util.Objects;
import org.backprop.tensor.Matrix;
import org.backprop.train.RowSource;

/**
 * Classification targets as the network takes them (n×k one-hot rows), written when they are read
 * from one class index per row: the same rows as {@code LabelEncoder.oneHot(classes)}, but 4 bytes
 * a row instead of 8·k. Reads may run on several threads at once.
 */
final class OneHotTargets implements RowSource {
    private final int[] classes;
    private final int k;

    /** @param classes each row's class index in [0, k) */
    OneHotTargets(int[] classes, int k) {
        for (int c : classes) {
            Objects.checkIndex(c, k);
        }
        this.classes = classes;
        this.k = k;
    }

    @Override
    public int rows() {
        return classes.length;
    }

    @Override
    public int cols() {
        return k;
    }

    @Override
    public void gatherRows(int[] order, int from, int to, Matrix out, int outRow) {
        for (int i = from; i < to; i++) {
            write(classes[order[i]], out, outRow + i - from);
        }
    }

    @Override
    public Matrix rowBlock(int from, int to, Matrix scratch) {
        Matrix block = scratch.rowRange(0, to - from);
        for (int i = from; i < to; i++) {
            write(classes[i], block, i - from);
        }
        return block;
    }

    private void write(int c, Matrix out, int row) {
        int start = out.offset() + row * out.cols();
        Arrays.fill(out.data(), start, start + k, 0.0);
        out.data()[start + c] = 1.0;
    }
}
