package org.backprop.kernel;

/**
 * A float copy of a double operand, for the products of {@link FloatCopyProducts}: filled whole by
 * {@link FloatCopyProducts#narrow}, or range by range with {@link #narrowRange} by a pass that
 * produces the double values anyway. Grows once, then is reused, so steady-state use allocates
 * nothing.
 */
public final class FloatCopy {
    private static final Elementwise ELEMENTWISE = Kernels.elementwise();
    private float[] data = new float[0];
    private int length;

    /** Readies the copy for {@code length} elements and returns its array (grown if too short). */
    float[] ensure(int length) {
        if (data.length < length) {
            data = new float[length];
        }
        this.length = length;
        return data;
    }

    /** The array holding the copy's {@link #length()} elements. */
    float[] data() {
        return data;
    }

    /** Number of elements last copied in. */
    public int length() {
        return length;
    }

    /**
     * Readies the copy for {@code length} elements, to be filled with {@link #narrowRange}.
     */
    public void resize(int length) {
        ensure(length);
    }

    /**
     * Rounds {@code src[srcOff, srcOff + len)} into elements {@code [at, at + len)}, exactly as
     * {@link FloatCopyProducts#narrow} does. After {@link #resize}, threads may fill disjoint ranges.
     */
    public void narrowRange(double[] src, int srcOff, int at, int len) {
        ELEMENTWISE.toFloat(src, srcOff, data, at, len);
    }

    /**
     * Widens elements {@code [at, at + len)} exactly into {@code dst[dstOff, dstOff + len)}. Threads
     * may widen disjoint ranges.
     */
    public void widenRange(int at, double[] dst, int dstOff, int len) {
        ELEMENTWISE.toDouble(data, at, dst, dstOff, len, false);
    }

    /**
     * Rounds {@code values[off, off + len)} to float into elements {@code [at, at + len)} and writes
     * the rounded values back into {@code values}: afterwards both hold the stored float values.
     */
    public void roundRange(double[] values, int off, int at, int len) {
        ELEMENTWISE.toFloat(values, off, data, at, len);
        ELEMENTWISE.toDouble(data, at, values, off, len, false);
    }

    /**
     * Rounds {@code src[off, off + len)} into this copy (readied for len elements), as
     * {@link #narrowRange} does; returns true when every value was a float already (rounding
     * changed none), e.g. the parameters of a float32 network.
     */
    public boolean narrowExactly(double[] src, int off, int len) {
        float[] copy = ensure(len);
        boolean exact = true;
        for (int k = 0; k < len; k++) {
            float f = (float) src[off + k];
            copy[k] = f;
            exact &= f == src[off + k];
        }
        return exact;
    }

    /**
     * The first rows·cols elements of this copy, a rows×cols block, in place: {@code bias} (cols
     * floats) added to each row, then the positive part when {@code positivePart}; see
     * {@link Elementwise#biasActivate(float[], int, float[], int, int, int, boolean)}.
     */
    public void biasActivate(int rows, int cols, FloatCopy bias, boolean positivePart) {
        if (rows * cols > length || bias.length < cols) {
            throw new IllegalArgumentException(rows + "×" + cols + " block with a bias of " + bias.length
                    + " in a copy of " + length);
        }
        ELEMENTWISE.biasActivate(data, 0, bias.data, 0, rows, cols, positivePart);
    }

    /**
     * Rows [first, first + rows) of a rows×cols block stored from element 0, in one pass: into this
     * copy {@code this[at + j] = src[at + j] + bias[j mod cols]} rounded to float (a layer's P), and
     * into {@code activated} that sum's positive part when {@code positivePart}, else the sum (its
     * A), for at = first·cols; see {@link Elementwise#biasActivate(float[], int, float[], int, int,
     * int, float[], int, float[], int, boolean)}. For float operands these are the bits of the sum
     * taken in double and rounded, and of the positive part of that (both exact on floats). Both
     * copies must be readied for the block already.
     */
    public void biasActivateRows(FloatCopy src, int first, int rows, int cols, FloatCopy bias, FloatCopy activated,
                                 boolean positivePart) {
        int at = first * cols;
        int len = rows * cols;
        if (first < 0 || rows < 0 || at + len > length || at + len > src.length || at + len > activated.length
                || bias.length < cols || activated == this || activated == src || src == this) {
            throw new IllegalArgumentException("rows " + first + "+" + rows + " of " + cols + " columns with a bias of "
                    + bias.length + " from a copy of " + src.length + " into copies of " + length + " and "
                    + activated.length + " (three distinct copies)");
        }
        ELEMENTWISE.biasActivate(src.data, at, bias.data, 0, rows, cols, data, at, activated.data, at, positivePart);
    }

    /**
     * Elements {@code [at, at + len)}: {@code g}'s where {@code x}'s are positive, else 0 (the ReLU
     * backward; see {@link Elementwise#whereXPositive(float[], int, float[], int, float[], int, int)});
     * {@code g} may be this copy.
     */
    public void whereXPositiveRange(FloatCopy x, FloatCopy g, int at, int len) {
        if (at < 0 || len < 0 || at + len > length || at + len > x.length || at + len > g.length) {
            throw new IllegalArgumentException("elements " + at + "+" + len + " of copies of " + x.length + ", "
                    + g.length + " into one of " + length);
        }
        ELEMENTWISE.whereXPositive(x.data, at, g.data, at, data, at, len);
    }

    /**
     * Elements {@code [at, at + rows·cols)}, rows of a block with {@code cols} columns: the outer
     * product of {@code a[aOff…]} (rows values) and {@code b[bOff…]} (cols values) rounded to float,
     * kept where {@code mask}'s same elements are positive unless mask is null (see
     * {@link Elementwise#outerProductInFloat}). Threads may fill disjoint ranges.
     */
    public void outerProductRange(double[] a, int aOff, int rows, double[] b, int bOff, int cols, FloatCopy mask,
                                  int at) {
        int len = rows * cols;
        if (at < 0 || rows < 0 || cols < 0 || at + len > length || mask != null && at + len > mask.length) {
            throw new IllegalArgumentException(rows + "×" + cols + " elements from " + at + " of a copy of " + length
                    + (mask == null ? "" : " masked by one of " + mask.length));
        }
        ELEMENTWISE.outerProductInFloat(a, aOff, rows, b, bOff, cols, mask == null ? null : mask.data, at, data, at);
    }

    /** True if elements {@code [at, at + len)} are all finite. */
    public boolean allFiniteRange(int at, int len) {
        if (at < 0 || len < 0 || at + len > length) {
            throw new IllegalArgumentException("elements " + at + "+" + len + " of a copy of " + length);
        }
        for (int k = at; k < at + len; k++) {
            if (!Float.isFinite(data[k])) {
                return false;
            }
        }
        return true;
    }

    /** Elements {@code [at, at + len)} copied from {@code src}'s same elements. */
    public void copyRange(FloatCopy src, int at, int len) {
        if (at < 0 || len < 0 || at + len > length || at + len > src.length) {
            throw new IllegalArgumentException("elements " + at + "+" + len + " of a copy of " + src.length
                    + " into one of " + length);
        }
        System.arraycopy(src.data, at, data, at, len);
    }
}
