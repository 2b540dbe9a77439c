package org.backprop.optim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.check.TestData;
import org.backprop.kernel.Precision;
import org.backprop.kernel.ThreadTeam;
import org.backprop.network.NeuralNetwork;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Optimizer#lastStepFinite()}: true after a step that wrote only finite values, false after
 * one that wrote a NaN or an infinity anywhere in the flat buffer (first, middle or last element),
 * on the calling thread and split over threads, with parameters stored in double and in float (whose
 * check reads the stored floats).
 */
class OptimizerFiniteCheckTest {

    static Iterable<String> names() {
        return Optimizers.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void reportsWhetherTheStepWroteOnlyFiniteValues(String name) {
        for (Precision precision : Precision.values()) {
            reportsWhetherTheStepWroteOnlyFiniteValues(name, precision);
        }
    }

    private static void reportsWhetherTheStepWroteOnlyFiniteValues(String name, Precision precision) {
        RandomSource r = TestData.random(9);
        Matrix x = TestData.uniform(32, 100, -1, 1, r);
        Matrix y = TestData.uniform(32, 1, -1, 1, r);
        try (NeuralNetwork net = NeuralNetwork.builder(100).dense(128, "relu").dense(1, "linear").seed(2)
                .precision(precision).build();
             ThreadTeam threads = ThreadTeam.of(2)) {
            double[] grads = net.parameters().grads();
            for (int at : new int[] {0, grads.length / 2, grads.length - 1}) {
                for (ThreadTeam split : new ThreadTeam[] {ThreadTeam.CALLING_THREAD, threads}) {
                    Optimizer optimizer = Optimizers.create(name, LearningRates.of(0.01));
                    net.forwardLoss(x, y);
                    net.backward();
                    optimizer.step(net.parameters(), split);
                    assertTrue(optimizer.lastStepFinite(), name + " " + precision + ": a finite step");

                    double[] before = net.parameters().values().clone();
                    grads[at] = at == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
                    optimizer.step(net.parameters(), split);
                    assertFalse(optimizer.lastStepFinite(), name + " " + precision + ": a non-finite value written at " + at);
                    System.arraycopy(before, 0, net.parameters().values(), 0, before.length);
                }
            }
        }
    }
}
