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
    /**
     * Depth of the blocks an Aᵀ·B with a deeper k is cut into (the weight gradients, depth = batch):
     * each block's product is computed by one thread into its own partial (its B micro-panels,
     * 256 × the tile width, stay in L1), and the partials are added in block order, in double, as
     * they are widened. The blocks depend on k alone, so the result does not depend on the threads.
     */
    static final int TRANS_A_DEPTH_BLOCK = 256;
    private final FloatGemm floats;
    private final FloatGemm serialFloats;
    private final Gemm vectorShapes;
    private float[] partials = new float[0];
    private final DepthBlocks depthBlocks = new DepthBlocks();
    private final FloatCopy a = new FloatCopy();
    private final FloatCopy b = new FloatCopy();
    private float[] c = new float[0];
    private final FloatCopyBatch narrowing = new FloatCopyBatch();
    private final Widening widening = new Widening();
    /** Its float copies with the matrix–vector passes of {@link #vectorShapes}, or null. */
    private final FusedPasses fusedPasses;

    /**
     * Computes with {@code floats}, the depth blocks of a deep Aᵀ·B with {@code serialFloats} (a
     * kernel on the calling thread alone, called from {@code floats}' threads at once), and
     * matrix–vector shapes with {@code vectorShapes}; closing this closes all three.
     */
    public Float32Gemm(FloatGemm floats, FloatGemm serialFloats, Gemm vectorShapes) {
        if (serialFloats.threads() != 1) {
            throw new IllegalArgumentException("the depth-block kernel must run on the calling thread, has "
                    + serialFloats.threads() + " threads");
        }
        this.floats = floats;
        this.serialFloats = serialFloats;
        this.vectorShapes = vectorShapes;
        FusedPasses inDouble = vectorShapes.fusedPasses();
        this.fusedPasses = inDouble == null ? null : new FloatCopyPasses(this, inDouble);
    }

    /** A float32 kernel's passes: its products on float copies, the matrix–vector pieces in double. */
    private record FloatCopyPasses(FloatCopyProducts floatCopies, FusedPasses inDouble) implements FusedPasses {
        @Override
        public void matrixVectorRows(double[] a, int aOff, int k, int from, int to, double[] x, int xOff,
                                     double[] c, int cOff) {
            inDouble.matrixVectorRows(a, aOff, k, from, to, x, xOff, c, cOff);
        }

        @Override
        public void transposedMatrixVectorBlock(double[] a, int aOff, int cols, int rows, double[] g, int gOff,
                                                double[] partial, int pOff) {
            inDouble.transposedMatrixVectorBlock(a, aOff, cols, rows, g, gOff, partial, pOff);
        }
    }

    /**
     * Itself as {@link FusedPasses#floatCopies()} with the matrix–vector passes of the kernel of the
     * matrix–vector shapes (the products a plan may fuse are its), when that kernel offers them;
     * else null.
     */
    @Override
    public FusedPasses fusedPasses() {
        return fusedPasses;
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
        int blocks = 1;
        if (form == ProductForm.TRANS_A && k > TRANS_A_DEPTH_BLOCK) {
            blocks = transAInDepthBlocks(m, n, k, a, b);
        } else {
            productInFloat(form, m, n, k, a, b, this.c);
        }
        widening.set(blocks == 1 ? this.c : partials, blocks, m * n, c, cOff, accumulate);
        floats.team().forRange(m * n, 1, widening);
        widening.clear();
    }

    /**
     * Aᵀ·B (A stored k×m, B k×n) as the partial products of depth blocks of
     * {@link #TRANS_A_DEPTH_BLOCK}, block b into {@code partials[b·m·n…]}, one block per thread at a
     * time; returns the number of blocks.
     */
    private int transAInDepthBlocks(int m, int n, int k, FloatCopy a, FloatCopy b) {
        checkCopies(ProductForm.TRANS_A, m, n, k, a, b);
        int blocks = (k + TRANS_A_DEPTH_BLOCK - 1) / TRANS_A_DEPTH_BLOCK;
        if (partials.length < blocks * m * n) {
            partials = new float[blocks * m * n];
        }
        depthBlocks.set(m, n, k, a.data(), b.data());
        try {
            floats.team().forRange(blocks, m * n * TRANS_A_DEPTH_BLOCK, depthBlocks);
        } finally {
            depthBlocks.clear();
        }
        return blocks;
    }

    private static void checkCopies(ProductForm form, int m, int n, int k, FloatCopy a, FloatCopy b) {
        if (matrixVector(m, n, k)) {
            throw new IllegalArgumentException(m + "×" + n + "×" + k + " is a matrix–vector shape: use the double arrays");
        }
        if (a.length() != m * k || b.length() != k * n) {
            throw new IllegalArgumentException(form + " " + m + "×" + n + "×" + k + ": copies of " + a.length() + " and "
                    + b.length() + " elements, need " + m * k + " and " + k * n);
        }
    }

    /** The product into {@code out} (at least m·n long), in float. */
    private void productInFloat(ProductForm form, int m, int n, int k, FloatCopy a, FloatCopy b, float[] out) {
        checkCopies(form, m, n, k, a, b);
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
        serialFloats.close();
        vectorShapes.close();
    }

    /** Depth blocks [from, to) of an Aᵀ·B, each into its partial, on the calling thread's kernel. */
    private final class DepthBlocks implements RangeTask {
        private int m;
        private int n;
        private int k;
        private float[] a;
        private float[] b;

        void set(int m, int n, int k, float[] a, float[] b) {
            this.m = m;
            this.n = n;
            this.k = k;
            this.a = a;
            this.b = b;
        }

        void clear() {
            a = null;
            b = null;
        }

        @Override
        public void run(int from, int to) {
            for (int block = from; block < to; block++) {
                int first = block * TRANS_A_DEPTH_BLOCK;
                int depth = Math.min(TRANS_A_DEPTH_BLOCK, k - first);
                serialFloats.multTransA(m, n, depth, a, first * m, b, first * n, partials, block * m * n, false);
            }
        }
    }

    /**
     * Widens the float product into the caller's C (adding when accumulating); a product in depth
     * blocks is the sum of its partials, added to C in block order.
     */
    private static final class Widening implements RangeTask {
        private float[] src;
        private int blocks;
        private int blockSize;
        private double[] dst;
        private int off;
        private boolean accumulate;

        void set(float[] src, int blocks, int blockSize, double[] dst, int off, boolean accumulate) {
            this.src = src;
            this.blocks = blocks;
            this.blockSize = blockSize;
            this.dst = dst;
            this.off = off;
            this.accumulate = accumulate;
        }

        void clear() {
            src = null;
            dst = null;
        }

        @Override
        public void run(int from, int to) {
            for (int block = 0; block < blocks; block++) {
                ELEMENTWISE.toDouble(src, block * blockSize + from, dst, off + from, to - from, accumulate || block > 0);
            }
        }
    }
}
