package org.backprop.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.kernel.Precision;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * On a float32 kernel the fused passes of {@link BiasActivation} do the X·W operations' conversions
 * while each band is in cache: backward rounds dL/dP into the X·W operation's float copy;
 * {@link BiasActivation#forwardFrom} widens N from the float product and rounds A into the next X·W
 * operation's copy. N, P, A, the next N, dL/dW and dL/dX are bit for bit those of the separate
 * passes, for the seed shapes, odd shapes and matrix–vector shapes (which stay in double). A copy
 * filled for one matrix is never used for another: a second pass with the same buffer, changed in
 * place, rounds it again.
 */
class FusedGradCopyTest {

    @Test
    void fusedRoundingEqualsTheOperationsOwn() {
        try (Gemm float32 = Kernels.create(2, Precision.FLOAT32)) {
            for (int[] s : new int[][] {{500, 100, 128}, {500, 128, 256}, {37, 19, 23}, {500, 256, 1}, {1, 5, 3}}) {
                compare(s[0], s[1], s[2], float32);
            }
        }
    }

    @Test
    void aFilledCopyServesOnlyTheGradientItWasMadeFrom() {
        try (Gemm float32 = Kernels.create(2, Precision.FLOAT32)) {
            SplittableRandom random = new SplittableRandom(5);
            Chain fused = new Chain(random(random, 64, 20), random(random, 20, 30), random(random, 1, 30), float32);
            Chain plain = new Chain(fused.x, fused.multiply.param(), fused.bias.param(), float32);
            Matrix gradA = random(random, 64, 30);
            fused.forward();
            Matrix gradP = fused.biasActivation.backward(gradA, fused.multiply);
            fused.multiply.backward(gradP);

            Matrix changed = random(random, 64, 30);
            System.arraycopy(changed.data(), 0, gradP.data(), gradP.offset(), gradP.size());
            Matrix again = fused.multiply.backward(gradP);
            plain.forward();
            Matrix expected = plain.multiply.backward(changed);
            assertArrayEquals(expected.toArray(), again.toArray(), "dL/dX from the changed gradient");
            assertArrayEquals(plain.multiply.paramGrad().toArray(), fused.multiply.paramGrad().toArray(),
                    "dL/dW from the changed gradient");
        }
    }

    @Test
    void fusedForwardRoundingEqualsTheNextOperationsOwn() {
        try (Gemm float32 = Kernels.create(2, Precision.FLOAT32)) {
            for (int[] s : new int[][] {{500, 100, 128, 256}, {37, 19, 23, 11}, {500, 256, 1, 1}, {1, 5, 3, 4}}) {
                SplittableRandom random = new SplittableRandom(s[0] + 3L * s[1] + 5L * s[2] + 7L * s[3]);
                Matrix x = random(random, s[0], s[1]);
                Matrix w = random(random, s[1], s[2]);
                Matrix b = random(random, 1, s[2]);
                Matrix w2 = random(random, s[2], s[3]);
                Chain fused = new Chain(x, w, b, float32);
                Chain separate = new Chain(x, w, b, float32);
                WeightMultiply fusedNext = new WeightMultiply(w2, Matrix.zeros(s[2], s[3]), float32);
                WeightMultiply separateNext = new WeightMultiply(w2, Matrix.zeros(s[2], s[3]), float32);
                Matrix a = fused.biasActivation.forwardFrom(fused.multiply, x, true, fusedNext);
                Matrix fusedN = fusedNext.forward(a);
                Matrix separateA = separate.biasActivation.forward(separate.multiply.forward(x));
                Matrix separateN = separateNext.forward(separateA);
                String where = s[0] + "×" + s[1] + " → " + s[2] + " → " + s[3];
                assertArrayEquals(separate.multiply.output().toArray(), fused.multiply.output().toArray(), where + ": N");
                assertArrayEquals(separate.bias.output().toArray(), fused.bias.output().toArray(), where + ": P");
                assertArrayEquals(separateA.toArray(), a.toArray(), where + ": A");
                assertArrayEquals(separateN.toArray(), fusedN.toArray(), where + ": next N");

                for (int k = 0; k < a.size(); k++) {
                    a.data()[a.offset() + k] += 1;
                }
                Matrix expected = separateNext.forward(a.copy());
                assertArrayEquals(expected.toArray(), fusedNext.forward(a).toArray(), where + ": N of the changed A");
            }
        }
    }

    private static void compare(int rows, int in, int out, Gemm float32) {
        SplittableRandom random = new SplittableRandom(rows + 7L * in + 13L * out);
        Matrix x = random(random, rows, in);
        Matrix w = random(random, in, out);
        Matrix b = random(random, 1, out);
        Matrix gradA = random(random, rows, out);
        Chain fused = new Chain(x, w, b, float32);
        Chain separate = new Chain(x, w, b, float32);
        fused.forward();
        separate.forward();
        Matrix fusedGradX = fused.multiply.backward(fused.biasActivation.backward(gradA, fused.multiply));
        Matrix separateGradX = separate.multiply.backward(separate.bias.backward(separate.activation.backward(gradA)));
        String where = rows + "×" + in + " → " + out;
        assertArrayEquals(separateGradX.toArray(), fusedGradX.toArray(), where + ": dL/dX");
        assertArrayEquals(separate.multiply.paramGrad().toArray(), fused.multiply.paramGrad().toArray(),
                where + ": dL/dW");
        assertArrayEquals(separate.bias.paramGrad().toArray(), fused.bias.paramGrad().toArray(), where + ": dL/dB");
    }

    /** X·W, + B and ReLU on one kernel, forward through the fused pass. */
    private static final class Chain {
        final Matrix x;
        final WeightMultiply multiply;
        final BiasAdd bias;
        final Activation activation = Activations.byName("relu");
        final BiasActivation biasActivation;

        Chain(Matrix x, Matrix w, Matrix b, Gemm gemm) {
            this.x = x;
            this.multiply = new WeightMultiply(w, Matrix.zeros(w.rows(), w.cols()), gemm);
            this.bias = new BiasAdd(b, Matrix.zeros(1, b.cols()));
            bias.parallelOn(gemm.team());
            activation.parallelOn(gemm.team());
            this.biasActivation = new BiasActivation(bias, activation, gemm.team());
        }

        void forward() {
            biasActivation.forward(multiply.forward(x));
        }
    }

    private static Matrix random(SplittableRandom random, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.data()[k] = random.nextDouble(-2, 2);
        }
        return m;
    }
}
