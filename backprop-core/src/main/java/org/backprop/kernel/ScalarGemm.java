package org.backprop.kernel;

/**
 * Cache-blocked GEMM with a 4×4 scalar register tile: the portable fallback when the
 * {@code jdk.incubator.vector} module is absent. Sums are fused multiply-add chains
 * ({@link Math#fma}), in the order described by {@link BlockedGemm}, and its dot products add their
 * terms in the order of {@link VectorGemm}'s lanes on this JVM: it gives the vector kernel's bits.
 *
 * <p>Template of its {@code float} twin (generated at build time).
 */
final class ScalarGemm extends BlockedGemm {
    private static final int MR = 4;
    private static final int NR = 4;
    /** The lanes of the vector kernel's dot products on this JVM (see {@link VectorWidth}). */
    private static final int DOT_LANES = VectorWidth.bits() / Double.SIZE;

    /** A scalar kernel computing with {@code threads} threads (including the caller), on a team of its own. */
    ScalarGemm(int threads) {
        this(ThreadTeam.of(threads));
    }

    /** A kernel computing on {@code team} (see {@link BlockedGemm}). */
    ScalarGemm(ThreadTeam team) {
        super(team, MR, NR, "scalar double");
    }

    @Override
    void microKernel(double[] ap, int aIdx, int aDepth, double[] bp, int bIdx, int kc,
                     double[] c, int cIdx, int ldc) {
        tile(ap, aIdx, 1, aDepth, bp, bIdx, kc, c, cIdx, ldc);
    }

    @Override
    void microKernelInPlace(double[] a, int aIdx, int aRow, double[] bp, int bIdx, int kc,
                            double[] c, int cIdx, int ldc) {
        tile(a, aIdx, aRow, 1, bp, bIdx, kc, c, cIdx, ldc);
    }

    /** The 4×4 tile with A's row r at depth p at {@code a[aIdx + r*aRow + p*aDepth]}. */
    private static void tile(double[] a, int aIdx, int aRow, int aDepth, double[] bp, int bIdx, int kc,
                             double[] c, int cIdx, int ldc) {
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < kc; p++) {
            int ai = aIdx + p * aDepth;
            int bi = bIdx + p * NR;
            double b0 = bp[bi];
            double b1 = bp[bi + 1];
            double b2 = bp[bi + 2];
            double b3 = bp[bi + 3];
            double a0 = a[ai];
            double a1 = a[ai + aRow];
            double a2 = a[ai + 2 * aRow];
            double a3 = a[ai + 3 * aRow];
            c00 = Math.fma(a0, b0, c00);
            c01 = Math.fma(a0, b1, c01);
            c02 = Math.fma(a0, b2, c02);
            c03 = Math.fma(a0, b3, c03);
            c10 = Math.fma(a1, b0, c10);
            c11 = Math.fma(a1, b1, c11);
            c12 = Math.fma(a1, b2, c12);
            c13 = Math.fma(a1, b3, c13);
            c20 = Math.fma(a2, b0, c20);
            c21 = Math.fma(a2, b1, c21);
            c22 = Math.fma(a2, b2, c22);
            c23 = Math.fma(a2, b3, c23);
            c30 = Math.fma(a3, b0, c30);
            c31 = Math.fma(a3, b1, c31);
            c32 = Math.fma(a3, b2, c32);
            c33 = Math.fma(a3, b3, c33);
        }
        storeRow(c, cIdx, c00, c01, c02, c03);
        storeRow(c, cIdx + ldc, c10, c11, c12, c13);
        storeRow(c, cIdx + 2 * ldc, c20, c21, c22, c23);
        storeRow(c, cIdx + 3 * ldc, c30, c31, c32, c33);
    }

    private static void storeRow(double[] c, int i, double v0, double v1, double v2, double v3) {
        c[i] = v0;
        c[i + 1] = v1;
        c[i + 2] = v2;
        c[i + 3] = v3;
    }

    /**
     * Each dot product in {@link VectorGemm}'s order, so that both give the same bits: with L =
     * {@link #DOT_LANES} and a body of the first len − len mod L terms, lane i (in [0, L)) is the fma
     * chain from zero over the body's terms p ≡ i (mod L) in p order; the lanes are added in lane
     * order, then the remaining terms are fma'd on in p order.
     */
    @Override
    void dotProducts(double[] x, int xOff, int xStride, int count, double[] y, int yOff, int len,
                     double[] c, int cOff, boolean accumulate) {
        int body = len - len % DOT_LANES;
        for (int t = 0; t < count; t++) {
            int xi = xOff + t * xStride;
            double s = 0;
            for (int lane = 0; lane < DOT_LANES; lane++) {
                double chain = 0;
                for (int p = lane; p < body; p += DOT_LANES) {
                    chain = Math.fma(x[xi + p], y[yOff + p], chain);
                }
                s = lane == 0 ? chain : s + chain;
            }
            for (int p = body; p < len; p++) {
                s = Math.fma(x[xi + p], y[yOff + p], s);
            }
            c[cOff + t] = accumulate ? c[cOff + t] + s : s;
        }
    }

    @Override
    void combineRows(double[] mat, int matOff, int rowStride, int rows, double[] coef, int coefOff,
                     double[] c, int cOff, int count, boolean accumulate) {
        for (int t = 0; t < count; t++) {
            double s = 0;
            for (int p = 0; p < rows; p++) {
                s = Math.fma(mat[matOff + p * rowStride + t], coef[coefOff + p], s);
            }
            c[cOff + t] = accumulate ? c[cOff + t] + s : s;
        }
    }

    @Override
    void outerProduct(double[] a, int aIdx, int aRow, int rows, double[] b, int bOff, int cols,
                      double[] c, int cOff, int ldc, boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            double ar = a[aIdx + r * aRow];
            int ci = cOff + r * ldc;
            for (int j = 0; j < cols; j++) {
                double s = Math.fma(ar, b[bOff + j], 0);
                c[ci + j] = accumulate ? c[ci + j] + s : s;
            }
        }
    }
}
