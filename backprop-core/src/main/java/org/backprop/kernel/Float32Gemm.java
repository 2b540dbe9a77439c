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
 * <p>As {@link FloatCopyProducts} it also multiplies operands rounded once into {@link FloatCopy
 * float copies}, into double C or into a float copy (a caller keeping its values in float): the
 * same arithmetic, bit for bit, with fewer conversions. Calls on one instance run one at a time.
 */
public final class Float32Gemm implements Gemm, FloatCopyProducts {
    private static final Elementwise ELEMENTWISE = Kernels.elementwise();
    private final FloatGemm floats;
    private final Gemm vectorShapes;
    private final FloatCopy a = new FloatCopy();
    private final FloatCopy b = new FloatCopy();
    private float[] c = new float[0];
    private final FloatCopyBatch narrowing = new FloatCopyBatch();
    private final Widening widening = new Widening();
    private final FusedPasses fusedPasses = () -> this;

    /**
     * Computes with {@code floats}, and matrix–vector shapes with {@code vectorShapes}; closing this
     * closes both.
     */
    public Float32Gemm(FloatGemm floats, Gemm vectorShapes) {
        this.floats = floats;
        this.vectorShapes = vectorShapes;
    }

    /**
     * Itself as {@link FusedPasses#floatCopies()} when the kernel of the matrix–vector shapes offers
     * fused passes (its depth-1 products are the ones a plan may fuse), else null.
     */
    @Override
    public FusedPasses fusedPasses() {
        return vectorShapes.fusedPasses() == null ? null : fusedPasses;
    }

    @Override
    public boolean onCopies(int m, int n, int k) {
        return !matrixVector(m, n, k);
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

    @Override
    public synchronized void narrow(double[] src, int off, int len, FloatCopy copy) {
        narrowing.add(src, off, len, copy);
        run(narrowing);
    }

    @Override
    public synchronized void narrow(FloatCopyBatch batch) {
        run(batch);
    }

    @Override
    public synchronized void mult(int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff) {
        product(ProductForm.MULT, m, n, k, a, b, c, cOff, false);
    }

    @Override
    public synchronized void multTransA(int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff) {
        product(ProductForm.TRANS_A, m, n, k, a, b, c, cOff, false);
    }

    @Override
    public synchronized void multTransB(int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff) {
        product(ProductForm.TRANS_B, m, n, k, a, b, c, cOff, false);
    }

    @Override
    public synchronized void mult(int m, int n, int k, FloatCopy a, FloatCopy b, FloatCopy c) {
        productInFloat(ProductForm.MULT, m, n, k, a, b, c.ensure(m * n));
    }

    @Override
    public synchronized void multTransB(int m, int n, int k, FloatCopy a, FloatCopy b, FloatCopy c) {
        productInFloat(ProductForm.TRANS_B, m, n, k, a, b, c.ensure(m * n));
    }

    private void product(ProductForm form, int m, int n, int k, FloatCopy a, FloatCopy b, double[] c, int cOff,
                         boolean accumulate) {
        if (this.c.length < m * n) {
            this.c = new float[m * n];
        }
        productInFloat(form, m, n, k, a, b, this.c);
        widening.set(c, cOff, accumulate);
        floats.team().forRange(m * n, 1, widening);
        widening.clear();
    }

    /** The product into {@code out} (at least m·n long), in float. */
    private void productInFloat(ProductForm form, int m, int n, int k, FloatCopy a, FloatCopy b, float[] out) {
        if (matrixVector(m, n, k)) {
            throw new IllegalArgumentException(m + "×" + n + "×" + k + " is a matrix–vector shape: use the double arrays");
        }
        if (a.length() != m * k || b.length() != k * n) {
            throw new IllegalArgumentException(form + " " + m + "×" + n + "×" + k + ": copies of " + a.length() + " and "
                    + b.length() + " elements, need " + m * k + " and " + k * n);
        }
        switch (form) {
            case MULT -> floats.mult(m, n, k, a.data(), 0, b.data(), 0, out, 0, false);
            case TRANS_A -> floats.multTransA(m, n, k, a.data(), 0, b.data(), 0, out, 0, false);
            case TRANS_B -> floats.multTransB(m, n, k, a.data(), 0, b.data(), 0, out, 0, false);
            default -> throw new IllegalStateException("unknown product form " + form);
        }
    }

    /** Rounds A into {@link #a} and B into {@link #b} in one parallel pass. */
    private void narrowBoth(double[] aSrc, int aOff, int aLen, double[] bSrc, int bOff, int bLen) {
        run(narrowing.add(aSrc, aOff, aLen, a).add(bSrc, bOff, bLen, b));
    }

    /** Rounds every range of {@code batch} in one parallel pass, then clears it. */
    private void run(FloatCopyBatch batch) {
        try {
            floats.team().forRange(batch.total(), 1, batch);
        } finally {
            batch.clear();
        }
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
