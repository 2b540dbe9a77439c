package org.backprop.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Cache-blocked GEMM on {@code jdk.incubator.vector}: an 8-row × 2-vector register tile of fused
 * multiply-adds, the vector width taken from {@link DoubleVector#SPECIES_PREFERRED} at run time
 * (8×16 doubles with AVX-512). Matrix-vector shapes use vectorised dot products and row
 * combinations. Loaded reflectively by {@link Kernels} so the rest of the library runs on a JVM
 * without the incubator module.
 *
 * <p>Template of its {@code float} twin (generated at build time).
 */
final class VectorGemm extends BlockedGemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 8;
    private static final int NR = 2 * L;
    /** The class of every vector here; compared before stores and lane reads (see {@link ExactVectors}). */
    private static final Class<?> VECTOR = DoubleVector.zero(S).getClass();
    /**
     * Per-thread room for four vectors' lanes: dot products store their accumulators here and add
     * the lanes in order. {@code lane(i)} is an intrinsic only where C2 inlines it with a profile,
     * which the early compilation of these kernels does not give it: it then boxed the vector on
     * every call (768 bytes per one-row prediction).
     */
    private final ThreadLocal<double[]> laneScratch = ThreadLocal.withInitial(() -> new double[4 * L]);

    /** The bit size of this kernel's vectors (see {@link VectorWidth}). */
    static int vectorBits() {
        return S.vectorBitSize();
    }

    /** A vector kernel computing with {@code threads} threads (including the caller), on a team of its own. */
    VectorGemm(int threads) {
        this(ThreadTeam.of(threads));
    }

    /** A kernel computing on {@code team} (see {@link BlockedGemm}). */
    VectorGemm(ThreadTeam team) {
        super(team, MR, NR, "vector " + S.vectorBitSize() + "-bit double");
    }

    @Override
    void microKernel(double[] ap, int aIdx, int aDepth, double[] bp, int bIdx, int kc,
                     double[] c, int cIdx, int ldc) {
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        DoubleVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        int ai = aIdx;
        int bi = bIdx;
        for (int p = 0; p < kc; p++, ai += aDepth, bi += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + L);
            DoubleVector a = DoubleVector.broadcast(S, ap[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, ap[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, ap[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, ap[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = DoubleVector.broadcast(S, ap[ai + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = DoubleVector.broadcast(S, ap[ai + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            a = DoubleVector.broadcast(S, ap[ai + 6]);
            c60 = a.fma(b0, c60);
            c61 = a.fma(b1, c61);
            a = DoubleVector.broadcast(S, ap[ai + 7]);
            c70 = a.fma(b0, c70);
            c71 = a.fma(b1, c71);
        }
        if (c00.getClass() != VECTOR || c01.getClass() != VECTOR || c10.getClass() != VECTOR
                || c11.getClass() != VECTOR || c20.getClass() != VECTOR || c21.getClass() != VECTOR
                || c30.getClass() != VECTOR || c31.getClass() != VECTOR || c40.getClass() != VECTOR
                || c41.getClass() != VECTOR || c50.getClass() != VECTOR || c51.getClass() != VECTOR
                || c60.getClass() != VECTOR || c61.getClass() != VECTOR || c70.getClass() != VECTOR
                || c71.getClass() != VECTOR) {
            throw ExactVectors.notPreferred(c00.getClass());
        }
        // Stores written out here, not in a helper taking vectors: a helper C2 compiled on its own
        // first may be too big to inline later, and then every call boxes its vectors (15× slower).
        int i1 = cIdx + ldc;
        int i2 = i1 + ldc;
        int i3 = i2 + ldc;
        int i4 = i3 + ldc;
        int i5 = i4 + ldc;
        int i6 = i5 + ldc;
        int i7 = i6 + ldc;
        c00.intoArray(c, cIdx);
        c01.intoArray(c, cIdx + L);
        c10.intoArray(c, i1);
        c11.intoArray(c, i1 + L);
        c20.intoArray(c, i2);
        c21.intoArray(c, i2 + L);
        c30.intoArray(c, i3);
        c31.intoArray(c, i3 + L);
        c40.intoArray(c, i4);
        c41.intoArray(c, i4 + L);
        c50.intoArray(c, i5);
        c51.intoArray(c, i5 + L);
        c60.intoArray(c, i6);
        c61.intoArray(c, i6 + L);
        c70.intoArray(c, i7);
        c71.intoArray(c, i7 + L);
    }

    @Override
    void packFullAPanel(double[] dst, int d, double[] src, int s, int rowStride, int kc) {
        for (int r = 0; r < MR; r++) {
            int sr = s + r * rowStride;
            for (int p = 0; p < kc; p++) {
                dst[d + r + p * MR] = src[sr + p];
            }
        }
    }

    @Override
    void packFullBPanel(double[] dst, int d, double[] src, int s, int colStride, int kc) {
        for (int j = 0; j < NR; j++) {
            int sj = s + j * colStride;
            for (int p = 0; p < kc; p++) {
                dst[d + j + p * NR] = src[sj + p];
            }
        }
    }

    @Override
    void copyFullBPanel(double[] dst, int d, double[] src, int s, int depthStride, int kc) {
        for (int p = 0; p < kc; p++) {
            int sp = s + p * depthStride;
            int dp = d + p * NR;
            DoubleVector v0 = DoubleVector.fromArray(S, src, sp);
            DoubleVector v1 = DoubleVector.fromArray(S, src, sp + L);
            if (v0.getClass() != VECTOR || v1.getClass() != VECTOR) {
                throw ExactVectors.notPreferred(v0.getClass());
            }
            v0.intoArray(dst, dp);
            v1.intoArray(dst, dp + L);
        }
    }

    @Override
    void microKernelInPlace(double[] a, int aIdx, int aRow, double[] bp, int bIdx, int kc,
                            double[] c, int cIdx, int ldc) {
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        int a0 = aIdx;
        int a1 = a0 + aRow;
        int a2 = a1 + aRow;
        int a3 = a2 + aRow;
        int bi = bIdx;
        for (int p = 0; p < kc; p++, bi += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + L);
            DoubleVector av = DoubleVector.broadcast(S, a[a0 + p]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = DoubleVector.broadcast(S, a[a1 + p]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = DoubleVector.broadcast(S, a[a2 + p]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = DoubleVector.broadcast(S, a[a3 + p]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
        }
        if (c00.getClass() != VECTOR || c01.getClass() != VECTOR || c10.getClass() != VECTOR
                || c11.getClass() != VECTOR || c20.getClass() != VECTOR || c21.getClass() != VECTOR
                || c30.getClass() != VECTOR || c31.getClass() != VECTOR) {
            throw ExactVectors.notPreferred(c00.getClass());
        }
        // Stores written out here for the reason given in microKernel.
        int i1 = cIdx + ldc;
        int i2 = i1 + ldc;
        int i3 = i2 + ldc;
        c00.intoArray(c, cIdx);
        c01.intoArray(c, cIdx + L);
        c10.intoArray(c, i1);
        c11.intoArray(c, i1 + L);
        c20.intoArray(c, i2);
        c21.intoArray(c, i2 + L);
        c30.intoArray(c, i3);
        c31.intoArray(c, i3 + L);
    }

    @Override
    void dotProducts(double[] x, int xOff, int xStride, int count, double[] y, int yOff, int len,
                     double[] c, int cOff, boolean accumulate) {
        double[] lanes = laneScratch.get();
        int t = 0;
        for (; t + 4 <= count; t += 4) {
            dot4(x, xOff + t * xStride, xStride, y, yOff, len, c, cOff + t, accumulate, lanes);
        }
        for (; t < count; t++) {
            double s = dot(x, xOff + t * xStride, y, yOff, len, lanes);
            c[cOff + t] = accumulate ? c[cOff + t] + s : s;
        }
    }

    /**
     * One dot product: a lane-wise fma chain, its lanes stored in {@code lanes} and summed in lane
     * order, then the tail as a scalar fma chain. Not {@code reduceLanes(ADD)}: its order is unspecified and differs between the JIT
     * intrinsic and the fallback (JDK 25), which would make results depend on timing. Vector code
     * stays in the kernel methods, never in helpers taking vectors (see {@link #microKernel}).
     */
    private static double dot(double[] x, int xi, double[] y, int yi, int len, double[] lanes) {
        int body = len - len % L;
        DoubleVector acc = DoubleVector.zero(S);
        for (int p = 0; p < body; p += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, xi + p);
            DoubleVector yv = DoubleVector.fromArray(S, y, yi + p);
            if (xv.getClass() != VECTOR || yv.getClass() != VECTOR || acc.getClass() != VECTOR) {
                throw ExactVectors.notPreferred(xv.getClass());
            }
            acc = xv.fma(yv, acc);
        }
        if (acc.getClass() != VECTOR) {
            throw ExactVectors.notPreferred(acc.getClass());
        }
        acc.intoArray(lanes, 0);
        double s = lanes[0];
        for (int i = 1; i < L; i++) {
            s += lanes[i];
        }
        for (int p = body; p < len; p++) {
            s = Math.fma(x[xi + p], y[yi + p], s);
        }
        return s;
    }

    /** Four dot products sharing the loads of y; each computed exactly as {@link #dot}. */
    private static void dot4(double[] x, int xi, int xStride, double[] y, int yi, int len,
                             double[] c, int ci, boolean accumulate, double[] lanes) {
        int body = len - len % L;
        int x1 = xi + xStride;
        int x2 = x1 + xStride;
        int x3 = x2 + xStride;
        DoubleVector acc0 = DoubleVector.zero(S), acc1 = acc0, acc2 = acc0, acc3 = acc0;
        for (int p = 0; p < body; p += L) {
            DoubleVector yv = DoubleVector.fromArray(S, y, yi + p);
            DoubleVector x0v = DoubleVector.fromArray(S, x, xi + p);
            DoubleVector x1v = DoubleVector.fromArray(S, x, x1 + p);
            DoubleVector x2v = DoubleVector.fromArray(S, x, x2 + p);
            DoubleVector x3v = DoubleVector.fromArray(S, x, x3 + p);
            if (yv.getClass() != VECTOR || x0v.getClass() != VECTOR || x1v.getClass() != VECTOR
                    || x2v.getClass() != VECTOR || x3v.getClass() != VECTOR || acc0.getClass() != VECTOR
                    || acc1.getClass() != VECTOR || acc2.getClass() != VECTOR || acc3.getClass() != VECTOR) {
                throw ExactVectors.notPreferred(yv.getClass());
            }
            acc0 = x0v.fma(yv, acc0);
            acc1 = x1v.fma(yv, acc1);
            acc2 = x2v.fma(yv, acc2);
            acc3 = x3v.fma(yv, acc3);
        }
        if (acc0.getClass() != VECTOR || acc1.getClass() != VECTOR || acc2.getClass() != VECTOR
                || acc3.getClass() != VECTOR) {
            throw ExactVectors.notPreferred(acc0.getClass());
        }
        acc0.intoArray(lanes, 0);
        acc1.intoArray(lanes, L);
        acc2.intoArray(lanes, 2 * L);
        acc3.intoArray(lanes, 3 * L);
        double s0 = lanes[0];
        double s1 = lanes[L];
        double s2 = lanes[2 * L];
        double s3 = lanes[3 * L];
        for (int i = 1; i < L; i++) {
            s0 += lanes[i];
            s1 += lanes[L + i];
            s2 += lanes[2 * L + i];
            s3 += lanes[3 * L + i];
        }
        for (int p = body; p < len; p++) {
            double yp = y[yi + p];
            s0 = Math.fma(x[xi + p], yp, s0);
            s1 = Math.fma(x[x1 + p], yp, s1);
            s2 = Math.fma(x[x2 + p], yp, s2);
            s3 = Math.fma(x[x3 + p], yp, s3);
        }
        c[ci] = accumulate ? c[ci] + s0 : s0;
        c[ci + 1] = accumulate ? c[ci + 1] + s1 : s1;
        c[ci + 2] = accumulate ? c[ci + 2] + s2 : s2;
        c[ci + 3] = accumulate ? c[ci + 3] + s3 : s3;
    }

    @Override
    void combineRows(double[] mat, int matOff, int rowStride, int rows, double[] coef, int coefOff,
                     double[] c, int cOff, int count, boolean accumulate) {
        int t = 0;
        for (; t + 4 * L <= count; t += 4 * L) {
            combine4(mat, matOff + t, rowStride, rows, coef, coefOff, c, cOff + t, accumulate);
        }
        for (; t + L <= count; t += L) {
            DoubleVector acc = DoubleVector.zero(S);
            for (int p = 0; p < rows; p++) {
                DoubleVector w = DoubleVector.broadcast(S, coef[coefOff + p]);
                DoubleVector m = DoubleVector.fromArray(S, mat, matOff + p * rowStride + t);
                if (m.getClass() != VECTOR || w.getClass() != VECTOR || acc.getClass() != VECTOR) {
                    throw ExactVectors.notPreferred(m.getClass());
                }
                acc = m.fma(w, acc);
            }
            if (acc.getClass() != VECTOR) {
                throw ExactVectors.notPreferred(acc.getClass());
            }
            if (accumulate) {
                DoubleVector old = DoubleVector.fromArray(S, c, cOff + t);
                if (old.getClass() != VECTOR) {
                    throw ExactVectors.notPreferred(old.getClass());
                }
                acc.add(old).intoArray(c, cOff + t);
            } else {
                acc.intoArray(c, cOff + t);
            }
        }
        for (; t < count; t++) {
            double s = 0;
            for (int p = 0; p < rows; p++) {
                s = Math.fma(mat[matOff + p * rowStride + t], coef[coefOff + p], s);
            }
            c[cOff + t] = accumulate ? c[cOff + t] + s : s;
        }
    }

    /** Four vectors of columns at once, for independent fma chains. */
    private static void combine4(double[] mat, int mi, int rowStride, int rows, double[] coef, int coefOff,
                                 double[] c, int ci, boolean accumulate) {
        DoubleVector acc0 = DoubleVector.zero(S), acc1 = acc0, acc2 = acc0, acc3 = acc0;
        for (int p = 0; p < rows; p++) {
            DoubleVector w = DoubleVector.broadcast(S, coef[coefOff + p]);
            int row = mi + p * rowStride;
            DoubleVector m0 = DoubleVector.fromArray(S, mat, row);
            DoubleVector m1 = DoubleVector.fromArray(S, mat, row + L);
            DoubleVector m2 = DoubleVector.fromArray(S, mat, row + 2 * L);
            DoubleVector m3 = DoubleVector.fromArray(S, mat, row + 3 * L);
            if (w.getClass() != VECTOR || m0.getClass() != VECTOR || m1.getClass() != VECTOR
                    || m2.getClass() != VECTOR || m3.getClass() != VECTOR || acc0.getClass() != VECTOR
                    || acc1.getClass() != VECTOR || acc2.getClass() != VECTOR || acc3.getClass() != VECTOR) {
                throw ExactVectors.notPreferred(m0.getClass());
            }
            acc0 = m0.fma(w, acc0);
            acc1 = m1.fma(w, acc1);
            acc2 = m2.fma(w, acc2);
            acc3 = m3.fma(w, acc3);
        }
        if (acc0.getClass() != VECTOR || acc1.getClass() != VECTOR || acc2.getClass() != VECTOR
                || acc3.getClass() != VECTOR) {
            throw ExactVectors.notPreferred(acc0.getClass());
        }
        // Each branch ends in its own stores: vectors merged after an if/else get boxed by C2 (JDK 17).
        if (accumulate) {
            DoubleVector old0 = DoubleVector.fromArray(S, c, ci);
            DoubleVector old1 = DoubleVector.fromArray(S, c, ci + L);
            DoubleVector old2 = DoubleVector.fromArray(S, c, ci + 2 * L);
            DoubleVector old3 = DoubleVector.fromArray(S, c, ci + 3 * L);
            if (old0.getClass() != VECTOR || old1.getClass() != VECTOR || old2.getClass() != VECTOR
                    || old3.getClass() != VECTOR) {
                throw ExactVectors.notPreferred(old0.getClass());
            }
            acc0.add(old0).intoArray(c, ci);
            acc1.add(old1).intoArray(c, ci + L);
            acc2.add(old2).intoArray(c, ci + 2 * L);
            acc3.add(old3).intoArray(c, ci + 3 * L);
        } else {
            acc0.intoArray(c, ci);
            acc1.intoArray(c, ci + L);
            acc2.intoArray(c, ci + 2 * L);
            acc3.intoArray(c, ci + 3 * L);
        }
    }

    @Override
    void outerProduct(double[] a, int aIdx, int aRow, int rows, double[] b, int bOff, int cols,
                      double[] c, int cOff, int ldc, boolean accumulate) {
        int body = cols - cols % L;
        for (int r = 0; r < rows; r++) {
            double ar = a[aIdx + r * aRow];
            DoubleVector av = DoubleVector.broadcast(S, ar);
            int ci = cOff + r * ldc;
            for (int j = 0; j < body; j += L) {
                DoubleVector product = av.fma(DoubleVector.fromArray(S, b, bOff + j), DoubleVector.zero(S));
                if (product.getClass() != VECTOR) {
                    throw ExactVectors.notPreferred(product.getClass());
                }
                if (accumulate) {
                    DoubleVector old = DoubleVector.fromArray(S, c, ci + j);
                    if (old.getClass() != VECTOR) {
                        throw ExactVectors.notPreferred(old.getClass());
                    }
                    product.add(old).intoArray(c, ci + j);
                } else {
                    product.intoArray(c, ci + j);
                }
            }
            for (int j = body; j < cols; j++) {
                double product = Math.fma(ar, b[bOff + j], 0);
                c[ci + j] = accumulate ? c[ci + j] + product : product;
            }
        }
    }
}
