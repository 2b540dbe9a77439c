package org.backprop.tensor;

import java.util.Arrays;

/**
 * A dense, row-major matrix of {@code double}: element (i, j) is {@code data()[offset() + i * cols() + j]}.
 *
 * <p>A matrix either owns its array or is a view into a larger buffer (the network keeps all of its
 * parameters in one flat buffer and hands out views). Rows are batch-first: a batch of n samples
 * with d features is an n×d matrix. Shapes print as {@code "n×d"}.
 */
public final class Matrix {
    private final double[] data;
    private final int offset;
    private final int rows;
    private final int cols;
    /** Values not written into {@link #data} yet, or null; see {@link #defer}. */
    private volatile DeferredValues deferred;

    private Matrix(double[] data, int offset, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "×" + cols);
        }
        if (offset < 0 || (long) offset + (long) rows * cols > data.length) {
            throw new IllegalArgumentException("view " + rows + "×" + cols + " at offset " + offset
                    + " does not fit in a buffer of " + data.length);
        }
        this.data = data;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
    }

    /** A new rows×cols matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(new double[Math.multiplyExact(rows, cols)], 0, rows, cols);
    }

    /** A rows×cols view of {@code buffer} starting at {@code offset}; writes go to the buffer. */
    public static Matrix view(double[] buffer, int offset, int rows, int cols) {
        return new Matrix(buffer, offset, rows, cols);
    }

    /** A rows×cols matrix that takes ownership of {@code rowMajor} (length rows·cols). */
    public static Matrix wrap(int rows, int cols, double... rowMajor) {
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException("wrap: " + rowMajor.length + " values for shape "
                    + rows + "×" + cols);
        }
        return new Matrix(rowMajor, 0, rows, cols);
    }

    /** A copy of a rectangular {@code double[rows][cols]} array. */
    public static Matrix of(double[][] values) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            if (values[i].length != cols) {
                throw new IllegalArgumentException("Matrix.of: row " + i + " has " + values[i].length
                        + " values, row 0 has " + cols);
            }
            System.arraycopy(values[i], 0, m.data, i * cols, cols);
        }
        return m;
    }

    /** A column vector (n×1) of the given values. */
    public static Matrix column(double... values) {
        return wrap(values.length, 1, values.clone());
    }

    /** A row vector (1×n) of the given values. */
    public static Matrix row(double... values) {
        return wrap(1, values.length, values.clone());
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of elements, rows·cols. */
    public int size() {
        return rows * cols;
    }

    /**
     * The backing array (shared, not copied). If the values were {@link #defer deferred}, they are
     * written into it first.
     */
    public double[] data() {
        if (deferred != null) {
            writeDeferred();
        }
        return data;
    }

    /**
     * Declares that this matrix's values are the ones {@code values} writes, and that it writes
     * them on the first read of this matrix (any method that reads or writes its elements, from any
     * thread): a fast path that keeps a value in another form (e.g. in float storage) pays for the
     * double copy only when someone looks. {@code values} must keep giving the same values until it
     * is read, or until this is called again or {@link #discardDeferred} drops it.
     */
    public void defer(DeferredValues values) {
        this.deferred = java.util.Objects.requireNonNull(values, "values");
    }

    /** True if the values are {@link #defer deferred} and not yet written into the array. */
    public boolean isDeferred() {
        return deferred != null;
    }

    /**
     * Drops {@link #defer deferred} values without writing them: for a caller about to overwrite
     * every element. Returns this matrix.
     */
    public Matrix discardDeferred() {
        deferred = null;
        return this;
    }

    private synchronized void writeDeferred() {
        DeferredValues values = deferred;
        if (values != null) {
            values.writeInto(data, offset, size());
            deferred = null;
        }
    }

    /** Index of element (0, 0) in {@link #data()}. */
    public int offset() {
        return offset;
    }

    public double get(int i, int j) {
        return data()[index(i, j)];
    }

    public void set(int i, int j, double value) {
        data()[index(i, j)] = value;
    }

    /** Element at flat row-major position {@code k} (0 ≤ k &lt; size()). */
    public double getFlat(int k) {
        return data()[offset + k];
    }

    /** Sets the element at flat row-major position {@code k}. */
    public void setFlat(int k, double value) {
        data()[offset + k] = value;
    }

    private int index(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside " + shape());
        }
        return offset + i * cols + j;
    }

    /** The shape as {@code "rows×cols"}. */
    public String shape() {
        return rows + "×" + cols;
    }

    /** True if {@code other} has the same number of rows and columns. */
    public boolean sameShape(Matrix other) {
        return rows == other.rows && cols == other.cols;
    }

    /** A new matrix that owns a copy of these values. */
    public Matrix copy() {
        return wrap(rows, cols, toArray());
    }

    /** The values in row-major order, copied. */
    public double[] toArray() {
        return Arrays.copyOfRange(data(), offset, offset + size());
    }

    /** The values as {@code double[rows][cols]}, copied. */
    public double[][] to2d() {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data(), offset + i * cols, out[i], 0, cols);
        }
        return out;
    }

    /** Copies {@code source} (same shape) into this matrix. */
    public Matrix copyFrom(Matrix source) {
        Shapes.requireSame("copyFrom", this, source);
        System.arraycopy(source.data(), source.offset, data(), offset, size());
        return this;
    }

    /** Sets every element to {@code value}. */
    public Matrix fill(double value) {
        discardDeferred();
        Arrays.fill(data, offset, offset + size(), value);
        return this;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as a view sharing this buffer. */
    public Matrix rowRange(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException("rows " + from + ":" + to + " outside " + shape());
        }
        return new Matrix(data(), offset + from * cols, to - from, cols);
    }

    /** A new matrix holding the rows listed in {@code indices}, in that order. */
    public Matrix selectRows(int[] indices) {
        Matrix out = zeros(indices.length, cols);
        gatherRows(indices, 0, indices.length, out);
        return out;
    }

    /**
     * Copies rows {@code indices[from..to)} into {@code out} (shape (to−from)×cols), in order.
     * Allocation-free: the trainer fills its batch buffers with this.
     */
    public void gatherRows(int[] indices, int from, int to, Matrix out) {
        if (out.rows != to - from) {
            throw new IllegalArgumentException("gatherRows: " + (to - from) + " rows of " + shape()
                    + " into " + out.shape());
        }
        gatherRows(indices, from, to, out, 0);
    }

    /**
     * Copies rows {@code indices[from..to)} into rows {@code outRow…} of {@code out} (same number of
     * columns), in order. Allocation-free; calls for disjoint output rows may run at the same time.
     */
    public void gatherRows(int[] indices, int from, int to, Matrix out, int outRow) {
        if (out.cols != cols || from > to || outRow < 0 || outRow + (to - from) > out.rows) {
            throw new IllegalArgumentException("gatherRows: " + (to - from) + " rows of " + shape()
                    + " into " + out.shape() + " from row " + outRow);
        }
        for (int r = from; r < to; r++) {
            int src = indices[r];
            if (src < 0 || src >= rows) {
                throw new IndexOutOfBoundsException("row " + src + " outside " + shape());
            }
            System.arraycopy(data(), offset + src * cols, out.data(), out.offset + (outRow + r - from) * cols, cols);
        }
    }

    /** True if every element is finite (no NaN, no ±Infinity). */
    public boolean allFinite() {
        double[] values = data();
        for (int k = offset, end = offset + size(); k < end; k++) {
            if (!Double.isFinite(values[k])) {
                return false;
            }
        }
        return true;
    }

    /** Exact, element-wise equality of shape and values. */
    public boolean valueEquals(Matrix other) {
        if (!sameShape(other)) {
            return false;
        }
        return Arrays.equals(data(), offset, offset + size(), other.data(), other.offset, other.offset + other.size());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Matrix ").append(shape()).append(" [");
        int shown = Math.min(rows, 6);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "[" : ", [");
            int shownCols = Math.min(cols, 8);
            for (int j = 0; j < shownCols; j++) {
                sb.append(j == 0 ? "" : ", ").append(get(i, j));
            }
            sb.append(cols > shownCols ? ", …]" : "]");
        }
        return sb.append(rows > shown ? ", …]" : "]").toString();
    }
}
