package org.backprop.io;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dense numeric table: {@code rows × cols} doubles stored row-major in {@code data}
 * (cell {@code (r, c)} is {@code data[r * cols + c]}), with one name per column.
 *
 * <p>The record does not copy {@code data}; treat it as read-only once shared.
 * {@link #equals(Object)} compares contents.
 */
public record DoubleTable(double[] data, int rows, int cols, List<String> columnNames) {

    /** Validates that the sizes agree and copies the name list. */
    public DoubleTable {
        Objects.requireNonNull(data, "data");
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException(
                    "data has " + data.length + " values, expected rows*cols = " + rows + "*" + cols);
        }
        columnNames = List.copyOf(columnNames);
        if (columnNames.size() != cols) {
            throw new IllegalArgumentException(columnNames.size() + " column names for " + cols + " columns");
        }
    }

    /** Value at 0-based row {@code r}, column {@code c}. */
    public double get(int r, int c) {
        Objects.checkIndex(r, rows);
        Objects.checkIndex(c, cols);
        return data[r * cols + c];
    }

    /** A copy of row {@code r}. */
    public double[] row(int r) {
        Objects.checkIndex(r, rows);
        return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }

    /** A copy of column {@code c}. */
    public double[] column(int c) {
        Objects.checkIndex(c, cols);
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = data[r * cols + c];
        }
        return out;
    }

    /** A new table with the given rows, in the given order (indices may repeat). */
    public DoubleTable selectRows(int[] rowIndices) {
        double[] out = new double[rowIndices.length * cols];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = Objects.checkIndex(rowIndices[i], rows);
            System.arraycopy(data, r * cols, out, i * cols, cols);
        }
        return new DoubleTable(out, rowIndices.length, cols, columnNames);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DoubleTable t && rows == t.rows && cols == t.cols
                && columnNames.equals(t.columnNames) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows, cols, columnNames, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "DoubleTable[" + rows + "x" + cols + ", columns=" + columnNames + "]";
    }
}
