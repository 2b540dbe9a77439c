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
     * Elements [0, rows·cols) of this copy (readied for that many) from the same elements of
     * {@code n}, a rows×cols block: the bias {@code b[bOff…bOff + cols)} added to each row in double,
     * then the positive part (or the identity), rounded to float; see
     * {@link Elementwise#biasActivateToFloat}. {@code n} must be another copy.
     */
    public void biasActivate(FloatCopy n, int rows, int cols, double[] b, int bOff, boolean positivePart) {
        if (n == this) {
            throw new IllegalArgumentException("the bias and activation pass needs a copy other than its input");
        }
        ELEMENTWISE.biasActivateToFloat(n.data, 0, b, bOff, rows, cols, positivePart, ensure(rows * cols), 0);
    }
}
