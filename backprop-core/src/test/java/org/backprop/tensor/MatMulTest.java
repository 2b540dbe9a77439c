package org.backprop.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.kernel.NaiveGemm;
import org.junit.jupiter.api.Test;

class MatMulTest {
    private final NaiveGemm gemm = new NaiveGemm();
    private final Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    private final Matrix b = Matrix.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});

    @Test
    void multComputesAB() {
        Matrix c = MatMul.mult(gemm, a, b, Matrix.zeros(2, 2));
        assertArrayEquals(new double[] {58, 64, 139, 154}, c.toArray());
    }

    @Test
    void multTransAComputesATransposedB() {
        Matrix c = MatMul.multTransA(gemm, a, a, Matrix.zeros(3, 3));
        assertArrayEquals(new double[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, c.toArray());
    }

    @Test
    void multTransBComputesABTransposed() {
        Matrix c = MatMul.multTransB(gemm, a, a, Matrix.zeros(2, 2));
        assertArrayEquals(new double[] {14, 32, 32, 77}, c.toArray());
    }

    @Test
    void shapeErrorsNameTheOperationAndBothShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> MatMul.mult(gemm, a, a, Matrix.zeros(2, 3)));
        assertTrue(e.getMessage().contains("mult") && e.getMessage().contains("2×3"), e.getMessage());
    }

    @Test
    void aliasedOutputIsRefused() {
        Matrix sq = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        assertThrows(ShapeException.class, () -> MatMul.mult(gemm, sq, sq.copy(), sq));
    }

    @Test
    void viewsComputeIntoTheirBuffer() {
        double[] buffer = new double[10];
        Matrix c = Matrix.view(buffer, 3, 2, 2);
        MatMul.mult(gemm, a, b, c);
        assertArrayEquals(new double[] {0, 0, 0, 58, 64, 139, 154, 0, 0, 0}, buffer);
    }
}
