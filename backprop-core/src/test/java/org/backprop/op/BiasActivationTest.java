package org.backprop.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;

import org.backprop.kernel.Gemm;
import org.backprop.kernel.Kernels;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused bias-add + activation passes leave both operations in exactly the state, bit for bit,
 * that running them one after the other leaves: forward P and A, backward dL/dP (= dL/dN) and
 * dL/dB, for every activation, on shapes that run on one thread and on several (row counts that are
 * and are not multiples of the bias sums' row block), with NaN and zero inputs mixed in (every NaN
 * counts as the same value: vector and scalar code may set its sign differently); and dL/dB has the
 * same bits on one thread as on two.
 */
class BiasActivationTest {

    static Iterable<String> activations() {
        return Activations.names();
    }

    @ParameterizedTest
    @MethodSource("activations")
    void fusedPassEqualsTheOperationsRunOneAfterTheOther(String id) {
        for (int[] shape : new int[][] {{0, 3}, {1, 1}, {7, 3}, {16, 4}, {33, 5}, {500, 128}, {300, 257}}) {
            try (Gemm one = Kernels.create(1); Gemm two = Kernels.create(2)) {
                Matrix oneThread = compare(id, shape[0], shape[1], one);
                Matrix twoThreads = compare(id, shape[0], shape[1], two);
                assertBits(oneThread, twoThreads, id + " " + shape[0] + "×" + shape[1] + ": dL/dB, 1 vs 2 threads");
            }
        }
    }

    /** Compares the fused passes with the separate ones on {@code gemm}'s threads; returns dL/dB. */
    private static Matrix compare(String id, int rows, int cols, Gemm gemm) {
        SplittableRandom random = new SplittableRandom(rows * 31L + cols);
        Matrix n = randomMatrix(random, rows, cols);
        Matrix gradA = randomMatrix(random, rows, cols);
        Matrix b = randomMatrix(random, 1, cols);

        Matrix separateBiasGrad = Matrix.zeros(1, cols);
        BiasAdd separateBias = new BiasAdd(b, separateBiasGrad);
        Activation separateActivation = Activations.byName(id);
        separateBias.parallelOn(gemm.team());
        separateActivation.parallelOn(gemm.team());
        Matrix separateA = separateActivation.forward(separateBias.forward(n));
        Matrix separateGradP = separateBias.backward(separateActivation.backward(gradA));

        Matrix fusedBiasGrad = Matrix.zeros(1, cols).fill(7);
        BiasAdd fusedBias = new BiasAdd(b, fusedBiasGrad);
        Activation fusedActivation = Activations.byName(id);
        BiasActivation fused = new BiasActivation(fusedBias, fusedActivation, gemm.team());
        Matrix fusedA = fused.forward(n);
        Matrix fusedGradP = fused.backward(gradA);

        String where = id + " " + rows + "×" + cols;
        assertBits(separateBias.output(), fusedBias.output(), where + ": P");
        assertBits(separateA, fusedA, where + ": A");
        assertBits(separateGradP, fusedGradP, where + ": dL/dP");
        assertBits(separateBiasGrad, fusedBiasGrad, where + ": dL/dB");
        assertSame(fusedA, fusedActivation.output(), where + ": A is the activation's output");
        assertSame(fusedGradP, fusedActivation.inputGrad(), where + ": dL/dP is the activation's input gradient");
        assertSame(fusedGradP, fusedBias.inputGrad(), where + ": dL/dN is dL/dP");
        assertSame(n, fusedBias.input(), where + ": the bias add's input is N");
        return fusedBiasGrad;
    }

    private static Matrix randomMatrix(SplittableRandom random, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            int pick = random.nextInt(50);
            m.data()[k] = pick == 0 ? Double.NaN : pick == 1 ? 0.0 : random.nextDouble(-3, 3);
        }
        return m;
    }

    private static void assertBits(Matrix expected, Matrix actual, String what) {
        long[] e = new long[expected.size()];
        long[] a = new long[actual.size()];
        for (int k = 0; k < e.length; k++) {
            e[k] = Double.doubleToLongBits(expected.getFlat(k));
            a[k] = Double.doubleToLongBits(actual.getFlat(k));
        }
        assertArrayEquals(e, a, what);
    }
}
