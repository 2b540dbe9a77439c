package org.backprop.kernel;

/**
 * A {@link Gemm} on double arrays that computes in float: A and B are rounded to float, multiplied
 * by a {@link FloatGemm}, and C is widened back to double (added to C when accumulating). The float
 * copies live in buffers that grow once and are reused, so steady-state calls allocate nothing;
 * the conversions are vectorized and run on the float kernel's threads.
 * Matrix–vector shapes (m, n or k equal to 1) stay in double, on a kernel sharing the float
 * kernel's threads ({@link Kernels#create(int, Precision)}): they are memory-bound, so rounding
 * their operands would cost more than the float arithmetic saves.
 *
 * <p>A caller that uses one operand in several products (a layer's input X in X·W and Xᵀ·G, its
 * output gradient G in Xᵀ·G and G·Wᵀ) can round it once into a {@link FloatCopy} with
 * {@link #narrow} and pass the copy to {@link #mult(int, int, int, FloatCopy, FloatCopy, double[], int)}
 * and its siblings: the same arithmetic, bit for bit, with fewer conversions.
 * Calls on one instance run one at a time.
 */
public final class Float32Gemm implements Gemm {
    private static final Elementwise ELEMENTWISE = Kernels.elementwise();
    private final FloatGemm floats;
    private final Gemm vectorShapes;
    private final FloatCopy a = new FloatCopy();
    private final FloatCopy b = new FloatCopy();
    private float[] c = new float[0];
    private final Narrowing narrowing = new Narrowing();
    private final Widening widening = new Widening();

    /** A float copy of a double operand, filled by {@link #narrow}; grows once, then is reused. */
    public static final class FloatCopy {
        private float[] data = new float[0];
        private int length;

        float[] ensure(int length) {
            if (data.length < length) {
                data = new float[length];
            }
            this.length = length;
            return data;
        }

        /** Number of elements last copied in. */
        public int length() {
            return length;
        }

        /**
         * Readies the copy for {@code length} elements (grows once, then is reused), to be filled with
         * {@link #narrowRange} by a pass that produces the double values anyway.
         */
        public void resize(int length) {
            ensure(length);
        }

        /**
         * Rounds {@code src[srcOff, srcOff + len)} into elements {@code [at, at + len)}, exactly as
         * {@link Float32Gemm#narrow} does. After {@link #resize}, threads may fill disjoint ranges.
         */
        public void narrowRange(double[] src, int srcOff, int at, int len) {
            ELEMENTWISE.toFloat(src, srcOff, data, at, len);
        }
    }

    /**
     * Computes with {@code floats}, and matrix–vector shapes with {@code vectorShapes}; closing this
     * closes both.
     */
    public Float32Gemm(FloatGemm floats, Gemm vectorShapes) {
        this.floats = floats;
        this.vectorShapes = vectorShapes;
    }

    /** The kernel of the shapes that stay in double ({@link #matrixVector}). */
    Gemm vectorShapes() {
        return vectorShapes;
    }

    /** True for the shapes that stay in double (m, n or k equal to 1); the FloatCopy products refuse them. */
    public static boolean matrixVector(int m, int n, int k) {
        return m == 1 || n == 1 || k == 1;
    }

    @Override
    public synchronized void mult(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                                  double[] c, int cOff, boolean accumulate) {
        if (matrixVector(m, n, k)) {
            vectorShapes.mult(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
            return;
        }
        narrowBoth(a, aOff, m * k, b, bOff, k * n);
        product(ProductForm.MULT, m, n, k, this.a, this.b, c, cOff, accumulate);
    }

    @Override
    public synchronized void multTransA(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                                        double[] c, int cOff, boolean accumulate) {
        if (matrixVector(m, n, k)) {
            vectorShapes.multTransA(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
            return;
        }
        narrowBoth(a, aOff, k * m, b, bOff, k * n);
        product(ProductForm.TRANS_A, m, n, k, this.a, this.b, c, cOff, accumulate);
    }

    @Override
    public synchronized void multTransB(int m, int n, int k, double[] a, int aOff, double[] b, int bOff,
                                        double[] c, int cOff, boolean accumulate) {
        if (matrixVector(m, n, k)) {
            vectorShapes.multTransB(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
            return;
        }
        narrowBoth(a, aOff, m * k, b, bOff, n * k);
        product(ProductForm.TRANS_B, m, n, k, this.a, this.b, c, cOff, accumulate);
    }

    /** Rounds {@code len} elements of {@code src} from {@code off} into {@code copy}, on this kernel's threads. */
    public synchronized void narrow(double[] src, int off, int len, FloatCopy copy) {
        narrowing.set(src, off, len, copy.ensure(len), null, 0, null);
        run(len);
    }

    /** C (m×n) = A (m×k) · B (k×n), overwriting C, from float copies; not for {@link #matrixVector} shapes. */
    public synchronized void mult(int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff) {
        product(ProductForm.MULT, m, n, k, a, b, c, cOff, false);
    }

    /** C (m×n) = Aᵀ·B, A stored k×m and B k×n, overwriting C, from float copies. */
    public synchronized void multTransA(int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff) {
        product(ProductForm.TRANS_A, m, n, k, a, b, c, cOff, false);
    }

    /** C (m×n) = A·Bᵀ, A stored m×k and B n×k, overwriting C, from float copies. */
    public synchronized void multTransB(int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff) {
        product(ProductForm.TRANS_B, m, n, k, a, b, c, cOff, false);
    }

    /**
     * C (m×n) = A·B from float copies, left in float in this kernel's product buffer: the caller
     * widens it into its double C with {@link #widenProduct}, range by range and on any threads,
     * before the next call on this kernel (a fused pass that reads C right after, row band by row
     * band). Not for {@link #matrixVector} shapes.
     */
    public synchronized void multDeferred(int m, int n, int k, FloatCopy a, FloatCopy b) {
        productInFloat(ProductForm.MULT, m, n, k, a, b);
    }

    /**
     * Widens elements [from, to) of the product {@link #multDeferred} left in float into
     * {@code c[cOff + from, cOff + to)}: the values {@link #mult(int, int, int, FloatCopy, FloatCopy,
     * double[], int)} would have written there.
     */
    public void widenProduct(int from, int to, double[] c, int cOff) {
        ELEMENTWISE.toDouble(this.c, from, c, cOff + from, to - from, false);
    }

    private void product(ProductForm form, int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff,
                         boolean accumulate) {
        productInFloat(form, m, n, k, a, b);
        widening.set(c, cOff, accumulate);
        floats.team().forRange(m * n, 1, widening);
        widening.clear();
    }

    /** The product into {@link #c}, in float. */
    private void productInFloat(ProductForm form, int m, int n, int k, FloatCopy a, FloatCopy b) {
        if (matrixVector(m, n, k)) {
            throw new IllegalArgumentException(m + "×" + n + "×" + k + " is a matrix–vector shape: use the double arrays");
        }
        if (a.length != m * k || b.length != k * n) {
            throw new IllegalArgumentException(form + " " + m + "×" + n + "×" + k + ": copies of " + a.length + " and "
                    + b.length + " elements, need " + m * k + " and " + k * n);
        }
        if (this.c.length < m * n) {
            this.c = new float[m * n];
        }
        switch (form) {
            case MULT -> floats.mult(m, n, k, a.data, 0, b.data, 0, this.c, 0, false);
            case TRANS_A -> floats.multTransA(m, n, k, a.data, 0, b.data, 0, this.c, 0, false);
            case TRANS_B -> floats.multTransB(m, n, k, a.data, 0, b.data, 0, this.c, 0, false);
            default -> throw new IllegalStateException("unknown product form " + form);
        }
    }

    /** Rounds A into {@link #a} and B into {@link #b} in one parallel pass. */
    private void narrowBoth(double[] aSrc, int aOff, int aLen, double[] bSrc, int bOff, int bLen) {
        narrowing.set(aSrc, aOff, aLen, a.ensure(aLen), bSrc, bOff, b.ensure(bLen));
        run(aLen + bLen);
    }

    private void run(int elements) {
        floats.team().forRange(elements, 1, narrowing);
        narrowing.clear();
    }

    @Override
    public ThreadTeam team() {
        return floats.team();
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

    /** Rounds a first source, then optionally a second, as one range over both (one parallel pass). */
    private static final class Narrowing implements RangeTask {
        private double[] aSrc;
        private int aOff;
        private int aLen;
        private float[] aDst;
        private double[] bSrc;
        private int bOff;
        private float[] bDst;

        void set(double[] aSrc, int aOff, int aLen, float[] aDst, double[] bSrc, int bOff, float[] bDst) {
            this.aSrc = aSrc;
            this.aOff = aOff;
            this.aLen = aLen;
            this.aDst = aDst;
            this.bSrc = bSrc;
            this.bOff = bOff;
            this.bDst = bDst;
        }

        void clear() {
            aSrc = null;
            bSrc = null;
            aDst = null;
            bDst = null;
        }

        @Override
        public void run(int from, int to) {
            int aEnd = Math.min(to, aLen);
            if (from < aEnd) {
                ELEMENTWISE.toFloat(aSrc, aOff + from, aDst, from, aEnd - from);
            }
            int bStart = Math.max(from, aLen);
            if (bStart < to) {
                ELEMENTWISE.toFloat(bSrc, bOff + bStart - aLen, bDst, bStart - aLen, to - bStart);
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
