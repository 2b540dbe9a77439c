package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every fast kernel (scalar, vector; double and float) against {@link NaiveGemm} on edge and seed
 * shapes, all three forms, overwrite and accumulate, nonzero offsets; and 1-thread vs 3-thread
 * results bit-identical.
 */
class GemmKernelsTest {
    private static final int THREADS = 3;
    private static final double DOUBLE_TOLERANCE = 1e-12;
    private static final double FLOAT_TOLERANCE = 1e-6;

    /** {m, n, k}: edges, primes, block and panel boundaries (mr 8, nr 16, mc 192, KC 256), seed shapes. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 7, 5}, {7, 1, 5}, {5, 7, 1}, {2, 3, 4}, {7, 13, 17}, {31, 33, 1},
        {1, 300, 257}, {300, 1, 257}, {1, 1, 600}, {8, 16, 256}, {9, 17, 257}, {16, 32, 255},
        {191, 15, 255}, {193, 33, 257}, {192, 48, 513}, {32, 64, 10}, {32, 10, 64},
        {500, 128, 100}, {500, 256, 128}, {500, 1, 256}, {100, 128, 500}, {128, 256, 500},
        {256, 1, 500}, {500, 128, 256}, {500, 256, 1}, {1, 600, 300}, {600, 1, 300}, {300, 600, 1},
    };

    private static final List<GemmCase> DOUBLE_CASES = new ArrayList<>();
    private static final List<GemmCase> FLOAT_CASES = new ArrayList<>();

    @BeforeAll
    static void makeCases() {
        long seed = 1;
        for (int[] s : SHAPES) {
            for (ProductForm form : ProductForm.values()) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    DOUBLE_CASES.add(new GemmCase(form, s[0], s[1], s[2], accumulate, false, seed++));
                    FLOAT_CASES.add(new GemmCase(form, s[0], s[1], s[2], accumulate, true, seed++));
                }
            }
        }
    }

    @AfterAll
    static void dropCases() {
        DOUBLE_CASES.clear();
        FLOAT_CASES.clear();
    }

    @Test
    void scalarMatchesNaiveAndIsThreadCountInvariant() {
        checkDouble(ScalarGemm::new);
    }

    @Test
    void vectorMatchesNaiveAndIsThreadCountInvariant() {
        checkDouble(VectorGemm::new);
    }

    @Test
    void scalarFloatMatchesNaiveAndIsThreadCountInvariant() {
        checkFloat(ScalarFloatGemm::new);
    }

    @Test
    void vectorFloatMatchesNaiveAndIsThreadCountInvariant() {
        checkFloat(VectorFloatGemm::new);
    }

    /**
     * The scalar kernels sum in the vector kernels' order (dot products in their lanes), so a JVM
     * without {@code jdk.incubator.vector} computes the bits of one with it, on every shape and form.
     */
    @Test
    void scalarKernelsGiveTheVectorKernelsBits() {
        try (Gemm scalar = new ScalarGemm(1); Gemm vector = new VectorGemm(1);
             FloatGemm scalarFloat = new ScalarFloatGemm(1); FloatGemm vectorFloat = new VectorFloatGemm(1)) {
            for (GemmCase cs : DOUBLE_CASES) {
                assertArrayEquals(cs.run(vector), cs.run(scalar), 0.0, () -> "scalar vs vector differ: " + cs);
            }
            for (GemmCase cs : FLOAT_CASES) {
                assertArrayEquals(cs.run(vectorFloat), cs.run(scalarFloat), 0.0, () -> "scalar vs vector differ: " + cs);
            }
        }
    }

    @Test
    void factoryPicksVectorKernelsWhenTheModuleIsPresent() {
        assertTrue(Kernels.vectorAvailable(), "tests run with --add-modules jdk.incubator.vector");
        try (Gemm gemm = Kernels.create(2); FloatGemm floats = Kernels.createFloat(1)) {
            assertTrue(gemm.describe().startsWith("vector"), gemm.describe());
            assertTrue(floats.describe().startsWith("vector") && floats.describe().contains("float"),
                    floats.describe());
            assertEquals(2, gemm.threads());
        }
        try (Gemm gemm = Kernels.scalar(1)) {
            assertTrue(gemm.describe().startsWith("scalar"), gemm.describe());
        }
    }

    @Test
    void systemPropertyFallsBackToScalar() {
        String before = System.getProperty("backprop.vector");
        System.setProperty("backprop.vector", "false");
        try (Gemm gemm = Kernels.create(1); FloatGemm floats = Kernels.createFloat(1)) {
            assertTrue(!Kernels.vectorAvailable() && gemm.describe().startsWith("scalar double"), gemm.describe());
            assertTrue(floats.describe().startsWith("scalar float"), floats.describe());
        } finally {
            if (before == null) {
                System.clearProperty("backprop.vector");
            } else {
                System.setProperty("backprop.vector", before);
            }
        }
    }

    @Test
    void errorsNameTheOperationAndShapes() {
        try (Gemm gemm = Kernels.create(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> gemm.multTransA(3, 4, 5, new double[14], 0, new double[20], 0, new double[12], 0, false));
            assertTrue(e.getMessage().contains("multTransA") && e.getMessage().contains("A stored 5×3"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Kernels.create(0));
        }
    }

    @Test
    void zeroDepthOverwritesWithZerosOrLeavesAccumulatorAlone() {
        try (Gemm gemm = Kernels.create(1)) {
            double[] c = {1, 2, 3, 4};
            gemm.mult(2, 2, 0, new double[0], 0, new double[0], 0, c, 0, true);
            assertArrayEquals(new double[] {1, 2, 3, 4}, c);
            gemm.mult(2, 2, 0, new double[0], 0, new double[0], 0, c, 0, false);
            assertArrayEquals(new double[4], c);
        }
    }

    @Test
    void float32AdapterOnDoubleArraysMatchesNaiveToFloatPrecision() {
        checkDouble(t -> Kernels.create(t, Precision.FLOAT32), FLOAT_CASES, FLOAT_TOLERANCE);
    }

    private static void checkDouble(IntFunction<Gemm> factory) {
        checkDouble(factory, DOUBLE_CASES, DOUBLE_TOLERANCE);
    }

    private static void checkDouble(IntFunction<Gemm> factory, List<GemmCase> cases, double tolerance) {
        try (Gemm one = factory.apply(1); Gemm many = factory.apply(THREADS)) {
            for (GemmCase cs : cases) {
                double[] single = cs.run(one);
                assertClose(cs, single, tolerance, one.describe());
                assertArrayEquals(single, cs.run(many), 0.0, () -> "1 vs " + THREADS + " threads differ: " + cs);
            }
        }
    }

    private static void checkFloat(IntFunction<FloatGemm> factory) {
        try (FloatGemm one = factory.apply(1); FloatGemm many = factory.apply(THREADS)) {
            for (GemmCase cs : FLOAT_CASES) {
                double[] single = cs.run(one);
                assertClose(cs, single, FLOAT_TOLERANCE, one.describe());
                assertArrayEquals(single, cs.run(many), 0.0, () -> "1 vs " + THREADS + " threads differ: " + cs);
            }
        }
    }

    /** |got − naive| ≤ tolerance · k · (Σ|a||b| + |c|) per element; untouched elements unchanged. */
    private static void assertClose(GemmCase cs, double[] got, double tolerance, String kernel) {
        double[] expected = cs.expected();
        double[] magnitude = cs.magnitude();
        for (int i = 0; i < got.length; i++) {
            double bound = tolerance * Math.max(1, cs.k) * magnitude[i];
            if (!(Math.abs(got[i] - expected[i]) <= bound)) {
                fail(kernel + " on " + cs + ": element " + i + " is " + got[i] + ", naive " + expected[i]);
            }
        }
    }
}
