package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

/**
 * The products of {@link Float32Gemm} on {@link FloatCopy float copies}, with the vector and the
 * scalar float kernels: each gives, bit for bit, what the kernel's double-array method gives on the
 * operands the copies were made from (the product into a float copy widened), on edge and seed
 * shapes, 1 and 3 threads alike (Aᵀ·B deeper than {@link Float32Gemm#TRANS_A_DEPTH_BLOCK} runs in
 * depth blocks, one per thread, and stays within float precision of the naive product); and
 * {@link FloatCopy}'s range conversions round and widen exactly.
 */
class FloatCopyProductsTest {
    /** {m, n, k}: edges, block and panel boundaries, the seed's shapes; none is matrix–vector. */
    private static final int[][] SHAPES = {
        {2, 2, 2}, {2, 3, 4}, {7, 13, 17}, {8, 32, 256}, {9, 33, 257}, {191, 15, 255}, {193, 33, 513},
        {32, 64, 10}, {500, 128, 100}, {500, 256, 128}, {100, 128, 500}, {128, 256, 500}, {500, 128, 256},
    };

    @Test
    void vectorProductsOnCopiesEqualTheDoubleArrayProducts() {
        assertTrue(Kernels.vectorAvailable(), "tests run with --add-modules jdk.incubator.vector");
        check(t -> (Float32Gemm) Kernels.create(t, Precision.FLOAT32));
    }

    @Test
    void scalarProductsOnCopiesEqualTheDoubleArrayProducts() {
        check(t -> {
            ThreadTeam team = ThreadTeam.of(t);
            return new Float32Gemm(new ScalarFloatGemm(team), new ScalarFloatGemm(ThreadTeam.CALLING_THREAD),
                    new ScalarGemm(team));
        });
    }

    @Test
    void matrixVectorShapesAreRefusedOnCopies() {
        try (Float32Gemm gemm = (Float32Gemm) Kernels.create(1, Precision.FLOAT32)) {
            assertFalse(gemm.onCopies(500, 1, 256));
            FloatCopy a = copy(gemm, random(new SplittableRandom(1), 500 * 256));
            FloatCopy b = copy(gemm, random(new SplittableRandom(2), 256));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> gemm.mult(500, 1, 256, a, b, new FloatCopy()));
            assertTrue(e.getMessage().contains("500×1×256"), e.getMessage());
        }
    }

    @Test
    void rangesRoundAndWidenExactly() {
        double[] values = {1.0 / 3, -2.5, 1e-50, 3.4e38, Double.NaN, -0.0};
        FloatCopy copy = new FloatCopy();
        copy.resize(values.length + 2);
        double[] rounded = values.clone();
        copy.roundRange(rounded, 0, 2, values.length);
        double[] widened = new double[values.length];
        copy.widenRange(2, widened, 0, values.length);
        for (int k = 0; k < values.length; k++) {
            assertEquals((double) (float) values[k], rounded[k], "rounded in place " + k);
            assertEquals((double) (float) values[k], widened[k], "widened " + k);
        }
    }

    private static void check(IntFunction<Float32Gemm> factory) {
        try (Float32Gemm one = factory.apply(1); Float32Gemm many = factory.apply(3)) {
            long seed = 1;
            for (int[] s : SHAPES) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                SplittableRandom random = new SplittableRandom(seed++);
                double[] a = random(random, m * k);
                double[] b = random(random, k * n);
                double[] bt = random(random, n * k);
                String shape = m + "×" + n + "×" + k;
                double[] expectedMult = new double[m * n];
                one.mult(m, n, k, a, 0, b, 0, expectedMult, 0, false);
                double[] expectedTransB = new double[m * n];
                one.multTransB(m, n, k, a, 0, bt, 0, expectedTransB, 0, false);
                double[] expectedTransA = new double[m * n];
                one.multTransA(m, n, k, a, 0, b, 0, expectedTransA, 0, false);   // A read as k×m
                double[] naive = new double[m * n];
                new NaiveGemm().multTransA(m, n, k, a, 0, b, 0, naive, 0, false);
                for (int e = 0; e < naive.length; e++) {
                    assertEquals(naive[e], expectedTransA[e], 1e-6 * k, "Aᵀ·B against the naive product, " + shape);
                }
                for (Float32Gemm gemm : new Float32Gemm[] {one, many}) {
                    String where = shape + ", " + gemm.threads() + " threads";
                    assertTrue(gemm.onCopies(m, n, k), where);
                    FloatCopy ca = copy(gemm, a);
                    FloatCopy cb = copy(gemm, b);
                    FloatCopy cbt = copy(gemm, bt);
                    FloatCopy c = new FloatCopy();
                    gemm.mult(m, n, k, ca, cb, c);
                    assertArrayEquals(expectedMult, widen(c, m * n), 0.0, "A·B into a copy, " + where);
                    gemm.multTransB(m, n, k, ca, cbt, c);
                    assertArrayEquals(expectedTransB, widen(c, m * n), 0.0, "A·Bᵀ into a copy, " + where);
                    double[] transA = new double[m * n];
                    gemm.multTransA(m, n, k, ca, cb, transA, 0);
                    assertArrayEquals(expectedTransA, transA, 0.0, "Aᵀ·B from copies, " + where);
                }
            }
        }
    }

    private static FloatCopy copy(Float32Gemm gemm, double[] values) {
        FloatCopy copy = new FloatCopy();
        gemm.narrow(values, 0, values.length, copy);
        return copy;
    }

    private static double[] widen(FloatCopy copy, int length) {
        assertEquals(length, copy.length(), "product length");
        double[] out = new double[length];
        copy.widenRange(0, out, 0, length);
        return out;
    }

    private static double[] random(SplittableRandom random, int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return values;
    }
}
