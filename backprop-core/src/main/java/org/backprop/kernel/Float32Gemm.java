package org.backprop.kernel;

/**
 * A {@link Gemm} on double arrays that computes in float: A and B are rounded to float, multiplied
 * by a {@link FloatGemm}, and C is widened back to double (added to C when accumulating). The float
 * copies live in buffers that grow once and are reused, so steady-state calls allocate nothing.
 * Matrix–vector shapes (m, n or k equal to 1) stay in double on a single-threaded kernel: they are
 * memory-bound, so rounding their operands would cost more than the float arithmetic saves.
 * Calls on one instance run one at a time.
 */
public final class Float32Gemm implements Gemm {
    private final FloatGemm floats;
    private final Gemm vectorShapes;
    private float[] a = new float[0];
    private float[] b = new float[0];
    private float[] c = new float[0];

    /**
     * Computes with {@code floats}, and matrix–vector shapes with {@code vectorShapes}; closing this
     * closes both.
     */
    public Float32Gemm(FloatGemm floats, Gemm vectorShapes) {
        this.floats = floats;
        this.vectorShapes = vectorShapes;
    }

    private static boolean matrixVector(int m, int n, int k) {
        return m == 1 || n == 1 || k == 1;
    }

    @Override
    public synchronized void mult(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                                  double[] c, int cOff, boolean accumulate) {
        if (matrixVector(m, n, k)) {
            vectorShapes.mult(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
            return;
        }
        narrow(a, aOff, m * k, b, bOff, k * n, m * n);
        floats.mult(m, n, k, this.a, 0, this.b, 0, this.c, 0, false);
        widen(c, cOff, m * n, accumulate);
    }

    @Override
    public synchronized void multTransA(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                                        double[] c, int cOff, boolean accumulate) {
        if (matrixVector(m, n, k)) {
            vectorShapes.multTransA(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
            return;
        }
        narrow(a, aOff, k * m, b, bOff, k * n, m * n);
        floats.multTransA(m, n, k, this.a, 0, this.b, 0, this.c, 0, false);
        widen(c, cOff, m * n, accumulate);
    }

    @Override
    public synchronized void multTransB(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                                        double[] c, int cOff, boolean accumulate) {
        if (matrixVector(m, n, k)) {
            vectorShapes.multTransB(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
            return;
        }
        narrow(a, aOff, m * k, b, bOff, n * k, m * n);
        floats.multTransB(m, n, k, this.a, 0, this.b, 0, this.c, 0, false);
        widen(c, cOff, m * n, accumulate);
    }

    private void narrow(double[] aSrc, int aOff, int aLen, double[] bSrc, int bOff, int bLen, int cLen) {
        if (a.length < aLen) {
            a = new float[aLen];
        }
        if (b.length < bLen) {
            b = new float[bLen];
        }
        if (c.length < cLen) {
            c = new float[cLen];
        }
        toFloat(aSrc, aOff, a, aLen);
        toFloat(bSrc, bOff, b, bLen);
    }

    private static void toFloat(double[] src, int off, float[] dst, int len) {
        for (int i = 0; i < len; i++) {
            dst[i] = (float) src[off + i];
        }
    }

    private void widen(double[] dst, int off, int len, boolean accumulate) {
        float[] src = c;
        if (accumulate) {
            for (int i = 0; i < len; i++) {
                dst[off + i] += src[i];
            }
        } else {
            for (int i = 0; i < len; i++) {
                dst[off + i] = src[i];
            }
        }
    }

    @Override
    public void parallelFor(int count, int elementsPerIndex, RangeTask task) {
        floats.parallelFor(count, elementsPerIndex, task);
    }

    @Override
    public int threads() {
        return floats.threads();
    }

    @Override
    public String describe() {
        return "float32 products: " + floats.describe();
    }

    @Override
    public void close() {
        floats.close();
        vectorShapes.close();
    }
}
