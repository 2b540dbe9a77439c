package org.backprop.tensor;

import org.backprop.kernel.Gemm;

/**
 * Shape-checked matrix products writing into a caller-provided output. The names say the math:
 * {@code mult} is A·B, {@code multTransA} is Aᵀ·B, {@code multTransB} is A·Bᵀ. Outputs must not
 * alias inputs. The {@code Add} variants add the product to the output instead of overwriting it.
 */
public final class MatMul {
    private MatMul() {
    }

    /** C = A·B: A is m×k, B is k×n, C is m×n. */
    public static Matrix mult(Gemm gemm, Matrix a, Matrix b, Matrix c) {
        return mult(gemm, a, b, c, false);
    }

    /** C = Aᵀ·B: A is k×m, B is k×n, C is m×n (dW = Xᵀ·G). */
    public static Matrix multTransA(Gemm gemm, Matrix a, Matrix b, Matrix c) {
        return multTransA(gemm, a, b, c, false);
    }

    /** C = A·Bᵀ: A is m×k, B is n×k, C is m×n (dX = G·Wᵀ). */
    public static Matrix multTransB(Gemm gemm, Matrix a, Matrix b, Matrix c) {
        return multTransB(gemm, a, b, c, false);
    }

    /** C += A·B, shapes as in {@link #mult(Gemm, Matrix, Matrix, Matrix)}. */
    public static Matrix multAdd(Gemm gemm, Matrix a, Matrix b, Matrix c) {
        return mult(gemm, a, b, c, true);
    }

    private static Matrix mult(Gemm gemm, Matrix a, Matrix b, Matrix c, boolean accumulate) {
        if (a.cols() != b.rows() || c.rows() != a.rows() || c.cols() != b.cols()) {
            throw new ShapeException("mult A·B: A " + a.shape() + " · B " + b.shape() + " into C " + c.shape());
        }
        checkAlias("mult A·B", a, b, c);
        gemm.mult(a.rows(), b.cols(), a.cols(), a.data(), a.offset(), b.data(), b.offset(),
                c.data(), c.offset(), accumulate);
        return c;
    }

    private static Matrix multTransA(Gemm gemm, Matrix a, Matrix b, Matrix c, boolean accumulate) {
        if (a.rows() != b.rows() || c.rows() != a.cols() || c.cols() != b.cols()) {
            throw new ShapeException("multTransA Aᵀ·B: A " + a.shape() + " (transposed) · B " + b.shape()
                    + " into C " + c.shape());
        }
        checkAlias("multTransA Aᵀ·B", a, b, c);
        gemm.multTransA(a.cols(), b.cols(), a.rows(), a.data(), a.offset(), b.data(), b.offset(),
                c.data(), c.offset(), accumulate);
        return c;
    }

    private static Matrix multTransB(Gemm gemm, Matrix a, Matrix b, Matrix c, boolean accumulate) {
        if (a.cols() != b.cols() || c.rows() != a.rows() || c.cols() != b.rows()) {
            throw new ShapeException("multTransB A·Bᵀ: A " + a.shape() + " · B " + b.shape()
                    + " (transposed) into C " + c.shape());
        }
        checkAlias("multTransB A·Bᵀ", a, b, c);
        gemm.multTransB(a.rows(), b.rows(), a.cols(), a.data(), a.offset(), b.data(), b.offset(),
                c.data(), c.offset(), accumulate);
        return c;
    }

    private static void checkAlias(String operation, Matrix a, Matrix b, Matrix c) {
        Shapes.requireNoAlias(operation, c, a);
        Shapes.requireNoAlias(operation, c, b);
    }
}
