package org.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A kernel's {@link FusedPasses} pieces give the bits of its matrix–vector products: rows of A·x
 * computed in any bands equal the product, and the block terms of Aᵀ·g added by {@link
 * BlockedColumnSums} equal the product Aᵀ·g (n = 1), for the vector and the scalar kernels on 1 and
 * 2 threads and for a float32 kernel (whose matrix–vector shapes run in double), on depths that are
 * and are not multiples of {@link BlockedColumnSums#BLOCK_ROWS} and widths around the vector
 * length. The kernel's Aᵀ·g adds block terms in block order whatever its threads.
 */
class MatrixVectorPassesTest {
    private static final int[] DEPTHS = {1, 5, 16, 17, 33, 500};
    private static final int[] WIDTHS = {1, 3, 8, 31, 33, 256};

    private static List<Gemm> kernels() {
        return List.of(Kernels.create(1), Kernels.create(2), Kernels.scalar(1), Kernels.scalar(2),
                Kernels.create(2, Precision.FLOAT32));
    }

    @Test
    void matrixVectorRowsInAnyBandsEqualTheProduct() {
        SplittableRandom random = new SplittableRandom(21);
        for (Gemm gemm : kernels()) {
            try (gemm) {
                FusedPasses passes = gemm.fusedPasses();
                assertNotNull(passes, gemm.describe());
                for (int rows : DEPTHS) {
                    for (int k : WIDTHS) {
                        double[] a = values(random, rows * k + 3);
                        double[] x = values(random, k + 1);
                        double[] product = new double[rows];
                        gemm.mult(rows, 1, k, a, 3, x, 1, product, 0, false);
                        double[] banded = new double[rows + 2];
                        for (int from = 0; from < rows; from += 7) {
                            passes.matrixVectorRows(a, 3, k, from, Math.min(rows, from + 7), x, 1, banded, 2);
                        }
                        for (int i = 0; i < rows; i++) {
                            assertEquals(Double.doubleToLongBits(product[i]), Double.doubleToLongBits(banded[2 + i]),
                                    gemm.describe() + ": " + rows + "×" + k + ", row " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void blockTermsAddedInBlockOrderEqualTheTransposedProduct() {
        SplittableRandom random = new SplittableRandom(22);
        for (Gemm gemm : kernels()) {
            try (gemm) {
                FusedPasses passes = gemm.fusedPasses();
                BlockedColumnSums sums = new BlockedColumnSums();
                for (int rows : DEPTHS) {
                    for (int cols : WIDTHS) {
                        double[] a = values(random, rows * cols + 2);
                        double[] g = values(random, rows + 4);
                        double[] product = new double[cols];
                        gemm.multTransA(cols, 1, rows, a, 2, g, 4, product, 0, false);
                        int blocks = sums.begin(rows, cols);
                        for (int b = blocks - 1; b >= 0; b--) {   // any order, as threads would
                            sums.weightedBlock(passes, a, 2, rows, g, 4, b);
                        }
                        double[] fromBlocks = new double[cols];
                        sums.finish(blocks, fromBlocks, 0);
                        assertArrayEquals(product, fromBlocks, gemm.describe() + ": Aᵀ·g, A " + rows + "×" + cols);
                        assertArrayEquals(blockOrderReference(a, 2, rows, cols, g, 4), product,
                                1e-12 * rows, gemm.describe() + ": Aᵀ·g against the sums in block order");
                    }
                }
            }
        }
    }

    @Test
    void aFloatKernelOffersNoPassesOfItsOwn() {
        try (FloatGemm floats = Kernels.scalarFloat(1)) {
            assertNull(floats.fusedPasses(), "float32 networks take the passes of their double matrix–vector kernel");
        }
    }

    /** Aᵀ·g summed plainly, block by block: the order the kernels follow, up to their fma rounding. */
    private static double[] blockOrderReference(double[] a, int aOff, int rows, int cols, double[] g, int gOff) {
        double[] total = new double[cols];
        for (int first = 0; first < rows; first += BlockedColumnSums.BLOCK_ROWS) {
            for (int j = 0; j < cols; j++) {
                double term = 0;
                for (int r = first; r < Math.min(rows, first + BlockedColumnSums.BLOCK_ROWS); r++) {
                    term += g[gOff + r] * a[aOff + r * cols + j];
                }
                total[j] += term;
            }
        }
        return total;
    }

    private static double[] values(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(-2, 2);
        }
        return v;
    }
}
