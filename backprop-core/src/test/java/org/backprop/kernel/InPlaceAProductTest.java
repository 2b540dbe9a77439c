package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

/**
 * A·B and A·Bᵀ over few columns read A in place ({@code BlockedGemm.microKernelInPlace}); Aᵀ·B of the
 * same matrices goes through the packed-panel micro-kernel, and A·B over more columns packs A. Every
 * output element must have the same bits either way (the same fma chain per depth block, blocks added
 * in order), or a product split into column bands on several threads would differ from one thread.
 * Checked for the scalar and vector kernels, double and float, overwrite and accumulate, on shapes
 * around the limits (2 micro-panels of columns, rows not a multiple of the 4-row tile, depth above one
 * block), and on 1 and 3 threads.
 */
class InPlaceAProductTest {
    /** {m, n, k}: the tabular network's products, panel and vector edges, k above KC (512). */
    private static final int[][] SHAPES = {
        {2, 2, 2}, {37, 64, 20}, {33, 32, 64}, {1000, 64, 20}, {9, 63, 65}, {17, 65, 30}, {8, 15, 3},
        {5, 8, 700}, {3, 16, 1100}, {40, 128, 64}, {41, 129, 31}, {12, 24, 513}, {194, 48, 40}, {7, 33, 9}, {37, 32, 20}, {37, 16, 20},
    };

    @Test
    void doubleKernelsGiveTheMicroKernelsBits() {
        for (IntFunction<Gemm> factory : List.<IntFunction<Gemm>>of(VectorGemm::new, ScalarGemm::new)) {
            for (int threads : new int[] {1, 3}) {
                try (Gemm gemm = factory.apply(threads)) {
                    SplittableRandom random = new SplittableRandom(19);
                    for (int[] s : SHAPES) {
                        int m = s[0];
                        int n = s[1];
                        int k = s[2];
                        double[] a = values(random, m * k);
                        double[] b = values(random, k * n);
                        double[] c0 = values(random, m * n);
                        for (boolean accumulate : new boolean[] {false, true}) {
                            double[] byRows = c0.clone();
                            gemm.mult(m, n, k, a, 0, b, 0, byRows, 0, accumulate);
                            double[] transA = c0.clone();
                            gemm.multTransA(m, n, k, transpose(a, m, k), 0, b, 0, transA, 0, accumulate);
                            double[] transB = c0.clone();
                            gemm.multTransB(m, n, k, a, 0, transpose(b, k, n), 0, transB, 0, accumulate);
                            String what = gemm.describe() + " " + m + "×" + n + "×" + k + " accumulate " + accumulate;
                            assertArrayEquals(transA, byRows, 0.0, what + ": A·B against Aᵀ·B");
                            assertArrayEquals(transB, byRows, 0.0, what + ": A·B against A·Bᵀ");
                        }
                    }
                }
            }
        }
    }

    @Test
    void floatKernelsGiveTheMicroKernelsBits() {
        for (IntFunction<FloatGemm> factory : List.<IntFunction<FloatGemm>>of(VectorFloatGemm::new,
                ScalarFloatGemm::new)) {
            for (int threads : new int[] {1, 3}) {
                try (FloatGemm gemm = factory.apply(threads)) {
                    SplittableRandom random = new SplittableRandom(20);
                    for (int[] s : SHAPES) {
                        int m = s[0];
                        int n = s[1];
                        int k = s[2];
                        float[] a = floats(values(random, m * k));
                        float[] b = floats(values(random, k * n));
                        float[] c0 = floats(values(random, m * n));
                        for (boolean accumulate : new boolean[] {false, true}) {
                            float[] byRows = c0.clone();
                            gemm.mult(m, n, k, a, 0, b, 0, byRows, 0, accumulate);
                            float[] transA = c0.clone();
                            gemm.multTransA(m, n, k, floats(transpose(doubles(a), m, k)), 0, b, 0, transA, 0,
                                    accumulate);
                            float[] transB = c0.clone();
                            gemm.multTransB(m, n, k, a, 0, floats(transpose(doubles(b), k, n)), 0, transB, 0,
                                    accumulate);
                            String what = gemm.describe() + " " + m + "×" + n + "×" + k + " accumulate " + accumulate;
                            assertArrayEquals(transA, byRows, 0.0f, what + ": A·B against Aᵀ·B");
                            assertArrayEquals(transB, byRows, 0.0f, what + ": A·B against A·Bᵀ");
                        }
                    }
                }
            }
        }
    }

    private static double[] values(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(-1, 1);
        }
        return v;
    }

    /** The rows×cols row-major matrix x transposed (cols×rows, row-major). */
    private static double[] transpose(double[] x, int rows, int cols) {
        double[] t = new double[x.length];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + r] = x[r * cols + j];
            }
        }
        return t;
    }

    private static float[] floats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    private static double[] doubles(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
