package org.backprop.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.kernel.ThreadTeam;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * On a float32 kernel, {@link WeightMultiply} rounds X, W and dL/dN once per pass instead of once
 * per product; N, dL/dW and dL/dX are bit for bit those of rounding per product (the kernel's
 * double-array methods, reached here through a wrapper that hides the float32 kernel), for the
 * seed shapes, odd shapes and the matrix–vector shapes that stay in double.
 */
class WeightMultiplyFloatCopiesTest {

    @Test
    void roundingOncePerPassEqualsRoundingPerProduct() {
        try (Gemm float32 = Kernels.create(2, Precision.FLOAT32)) {
            Gemm perProduct = new Hidden(float32);
            for (int[] s : new int[][] {{500, 100, 128}, {500, 128, 256}, {37, 19, 23}, {500, 256, 1}, {1, 5, 3}}) {
                compare(s[0], s[1], s[2], float32, perProduct);
            }
        }
    }

    private static void compare(int rows, int in, int out, Gemm copies, Gemm perProduct) {
        SplittableRandom random = new SplittableRandom(rows + 7L * in + 13L * out);
        Matrix x = random(random, rows, in);
        Matrix w = random(random, in, out);
        Matrix g = random(random, rows, out);
        WeightMultiply once = new WeightMultiply(w, Matrix.zeros(in, out), copies);
        WeightMultiply each = new WeightMultiply(w, Matrix.zeros(in, out), perProduct);
        String where = rows + "×" + in + " · " + in + "×" + out;
        assertArrayEquals(each.forward(x).toArray(), once.forward(x).toArray(), where + ": N");
        assertArrayEquals(each.backward(g).toArray(), once.backward(g).toArray(), where + ": dL/dX");
        assertArrayEquals(each.paramGrad().toArray(), once.paramGrad().toArray(), where + ": dL/dW");
    }

    private static Matrix random(SplittableRandom random, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.data()[k] = random.nextDouble(-2, 2);
        }
        return m;
    }

    /** The same kernel behind a plain {@link Gemm}, so WeightMultiply rounds per product. */
    private record Hidden(Gemm inner) implements Gemm {
        @Override
        public void mult(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                         boolean accumulate) {
            inner.mult(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        }

        @Override
        public void multTransA(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                               boolean accumulate) {
            inner.multTransA(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        }

        @Override
        public void multTransB(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                               boolean accumulate) {
            inner.multTransB(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        }

        @Override
        public ThreadTeam team() {
            return inner.team();
        }

        @Override
        public int threads() {
            return inner.threads();
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public void close() {
            // the test closes the inner kernel
        }
    }
}
