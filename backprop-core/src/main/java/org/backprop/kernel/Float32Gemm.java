package org.backprop.kernel;

/**
 * A {@link Gemm} on double arrays that computes in float: A and B are rounded to float, multiplied
 * by a {@link FloatGemm}, and C is widened back to double (added to C when accumulating). The float
 * copies live in buffers that grow once and are reused, so steady-state calls allocate nothing;
 * the conversions are vectorized and run on the float kernel's threads.
 * Matrix–vector shapes (m, n or k equal to 1) stay in double, on a kernel sharing the float
 * kernel's threads ({@link Kernels#create(int, Precision)}): they are memory-bound, so rounding
 * their operands would cost more than the float arithmetic saves.
 * Calls on one instance run one at a time.
 */
public final class Float32Gemm implements Gemm {
    private static final Elementwise ELEMENTWISE = Kernels.elementwise();
    private final FloatGemm floats;
    private final Gemm vectorShapes;
    private float[] a = new float[0];
    private float[] b = new float[0];
    private float[] c = new float[0];
    private final Narrowing narrowing = new Narrowing();
    private final Widening widening = new Widening();

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
        narrowing.set(aSrc, aOff, aLen, bSrc, bOff);
        floats.parallelFor(aLen + bLen, 1, narrowing);
        narrowing.clear();
    }

    private void widen(double[] dst, int off, int len, boolean accumulate) {
        widening.set(dst, off, accumulate);
        floats.parallelFor(len, 1, widening);
        widening.clear();
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

    /** Rounds A then B to float, as one range over both (so one parallel pass converts both). */
    private final class Narrowing implements RangeTask {
        private double[] aSrc;
        private int aOff;
        private int aLen;
        private double[] bSrc;
        private int bOff;

        void set(double[] aSrc, int aOff, int aLen, double[] bSrc, int bOff) {
            this.aSrc = aSrc;
            this.aOff = aOff;
            this.aLen = aLen;
            this.bSrc = bSrc;
            this.bOff = bOff;
        }

        void clear() {
            aSrc = null;
            bSrc = null;
        }

        @Override
        public void run(int from, int to) {
            int aEnd = Math.min(to, aLen);
            if (from < aEnd) {
                ELEMENTWISE.toFloat(aSrc, aOff + from, a, from, aEnd - from);
            }
            int bStart = Math.max(from, aLen);
            if (bStart < to) {
                ELEMENTWISE.toFloat(bSrc, bOff + bStart - aLen, b, bStart - aLen, to - bStart);
            }
        }
    }

    /** Widens the float product into the caller's C (adding when accumulating). */
    private final class Widening implements RangeTask {
        private double[] dst;
        private int off;
        private boolean accumulate;

        void set(double[] dst, int off, boolean accumulate) {
            this.dst = dst;
            this.off = off;
            this.accumulate = accumulate;
        }

        void clear() {
            dst = null;
        }

        @Override
        public void run(int from, int to) {
            ELEMENTWISE.toDouble(c, from, dst, off + from, to - from, accumulate);
        }
    }
}
