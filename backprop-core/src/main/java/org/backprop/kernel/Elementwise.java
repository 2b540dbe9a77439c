package org.backprop.kernel;

/**
 * Element-wise kernels that the JIT does not vectorize by itself (a masked select compiles to a
 * branch, which mispredicts on random signs). Stateless and thread-safe; obtain one with
 * {@link Kernels#elementwise()}.
 */
public interface Elementwise {

    /** The positive part: {@code y[yo + k] = max(x[xo + k], 0)} for k in [0, n); NaN stays NaN. */
    void positivePart(double[] x, int xo, double[] y, int yo, int n);

    /**
     * {@code g} where {@code x} is positive: {@code gi[gio + k] = x[xo + k] > 0 ? g[go + k] : 0} for
     * k in [0, n). A NaN in x gives 0, as PyTorch's {@code threshold_backward} does.
     */
    void whereXPositive(double[] x, int xo, double[] g, int go, double[] gi, int gio, int n);

    /**
     * {@link #whereXPositive(double[], int, double[], int, double[], int, int)} in float; gi may be
     * g at the same offset. On floats it gives the bits of the double pass rounded to float (it only
     * selects).
     */
    void whereXPositive(float[] x, int xo, float[] g, int go, float[] gi, int gio, int n);

    /** {@code z[zo + k] = x[xo + k] + y[yo + k]} for k in [0, n); z may be x or y at the same offset. */
    void add(double[] x, int xo, double[] y, int yo, double[] z, int zo, int n);

    /**
     * The outer product of a column and a row into a contiguous row-major rows×cols block:
     * {@code c[cOff + r*cols + j] = fma(a[aOff + r], b[bOff + j], +0)} for r in [0, rows), j in
     * [0, cols), a and b read contiguously, c not overlapping them. Each product is rounded once and
     * an exactly zero product is +0: the bits the library's {@link Gemm} kernels give a depth-1
     * product (dL/dX of a layer with one output unit; see {@code BlockedGemm.outerProduct}, whose
     * loop this mirrors).
     */
    void outerProduct(double[] a, int aOff, int rows, double[] b, int bOff, int cols, double[] c, int cOff);

    /**
     * {@link #outerProduct} rounded to float and, unless {@code x} is null, kept only where x is
     * positive: {@code c[cOff + r*cols + j] = x == null || x[xOff + r*cols + j] > 0
     * ? (float) fma(a[aOff + r], b[bOff + j], +0) : 0}. The bits of {@link #outerProduct}, then
     * {@link #toFloat}, then {@link #whereXPositive(float[], int, float[], int, float[], int, int)}
     * in one pass, without the rows×cols double block (the dL/dP of a ReLU or identity layer below a
     * one-unit layer, in float). c must not overlap a, b or x.
     */
    void outerProductInFloat(double[] a, int aOff, int rows, double[] b, int bOff, int cols, float[] x, int xOff,
                             float[] c, int cOff);

    /** {@code dst[dstOff + k] = (float) src[srcOff + k]} for k in [0, n): round to nearest float. */
    void toFloat(double[] src, int srcOff, float[] dst, int dstOff, int n);

    /**
     * {@code dst[dstOff + k] = src[srcOff + k]} (widened exactly), or {@code +=} when
     * {@code accumulate}, for k in [0, n).
     */
    void toDouble(float[] src, int srcOff, double[] dst, int dstOff, int n, boolean accumulate);

    /**
     * A layer's bias and activation in place, in one pass: for r in [0, rows), j in [0, cols),
     * {@code x[xOff + r*cols + j] = x[xOff + r*cols + j] + b[bOff + j]}, then its positive part when
     * {@code positivePart}: the bits of {@link #add} followed by {@link #positivePart}.
     */
    void biasActivate(double[] x, int xOff, double[] b, int bOff, int rows, int cols, boolean positivePart);

    /**
     * {@link #biasActivate} in float, in place: {@code x[xOff + r*cols + j] = x[…] + b[bOff + j]}
     * rounded to float, then its positive part when {@code positivePart}. For float operands these
     * are the bits of the sum computed in double and rounded, and of the positive part taken in
     * double and rounded (both are exact on floats, and rounding a double sum of two floats to float
     * rounds as float addition does).
     */
    void biasActivate(float[] x, int xOff, float[] b, int bOff, int rows, int cols, boolean positivePart);

    /**
     * {@link #biasActivate(float[], int, float[], int, int, int, boolean)} out of place, keeping the
     * sum too, in one pass: {@code p[pOff + r*cols + j] = x[xOff + r*cols + j] + b[bOff + j]} rounded
     * to float and {@code a[aOff + r*cols + j]} = that sum's positive part when {@code positivePart},
     * else the sum (a layer's P and A from its N). The bits of biasActivate without and with
     * positivePart on two copies of x. p and a must not overlap x, b or each other.
     */
    void biasActivate(float[] x, int xOff, float[] b, int bOff, int rows, int cols, float[] p, int pOff, float[] a,
                      int aOff, boolean positivePart);

    /** One line for logs, e.g. {@code "vector 512-bit"}. */
    String describe();
}
