package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link Elementwise#outerProduct} gives, bit for bit, {@code Math.fma(a, b, 0)} for every element
 * (an exactly zero product is +0, never −0) and the bits of the GEMM kernels' depth-1 product A·Bᵀ with A
 * n×1 and B cols×1, for the vector and the scalar implementations, on widths around the vector
 * length and at offsets; elements outside the output range are left alone.
 */
class OuterProductTest {
    private static final double[] SPECIALS = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE,
        1e300};

    private static List<Elementwise> implementations() {
        return List.of(Kernels.elementwise(), new ScalarElementwise());
    }

    @Test
    void everyElementIsOneRoundedProductWithPositiveZero() {
        SplittableRandom random = new SplittableRandom(11);
        for (Elementwise e : implementations()) {
            for (int cols = 0; cols <= 40; cols++) {
                int rows = 3;
                double[] a = values(random, rows + 1);
                double[] b = values(random, cols + 2);
                double[] c = new double[rows * cols + 4];
                c[2] = 42;
                e.outerProduct(a, 1, rows, b, 2, cols, c, 3);
                assertEquals(42.0, c[2], e.describe() + ": wrote before cOff");
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < cols; j++) {
                        double expected = Math.fma(a[1 + r], b[2 + j], 0);
                        assertEquals(Double.doubleToRawLongBits(expected) & ~nanPayload(expected),
                                Double.doubleToRawLongBits(c[3 + r * cols + j]) & ~nanPayload(expected),
                                e.describe() + ": cols " + cols + ", element " + r + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void equalsTheGemmKernelsDepthOneProduct() {
        SplittableRandom random = new SplittableRandom(12);
        int rows = 37;
        int cols = 45;
        double[] a = values(random, rows);
        double[] b = values(random, cols);
        for (Elementwise e : implementations()) {
            double[] fromElementwise = new double[rows * cols];
            e.outerProduct(a, 0, rows, b, 0, cols, fromElementwise, 0);
            for (Gemm g : List.of(Kernels.create(1), Kernels.create(2), Kernels.scalar(1))) {
                try (g) {
                    double[] fromGemm = new double[rows * cols];
                    g.multTransB(rows, cols, 1, a, 0, b, 0, fromGemm, 0, false);
                    for (int k = 0; k < fromGemm.length; k++) {
                        assertEquals(Double.doubleToLongBits(fromGemm[k]), Double.doubleToLongBits(fromElementwise[k]),
                                e.describe() + " vs " + g.describe() + ": element " + k);
                    }
                }
            }
        }
    }

    /** NaN payload bits may differ between vector and scalar code: compare NaNs as NaNs. */
    private static long nanPayload(double expected) {
        return Double.isNaN(expected) ? 0x000F_FFFF_FFFF_FFFFL | Long.MIN_VALUE : 0;
    }

    private static double[] values(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(4) == 0 ? SPECIALS[random.nextInt(SPECIALS.length)] : random.nextDouble(-2, 2);
        }
        return v;
    }
}
