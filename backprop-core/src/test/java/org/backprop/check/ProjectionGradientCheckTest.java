package org.backprop.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.network.NeuralNetwork;
import org.backprop.op.Activation;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

class ProjectionGradientCheckTest {

    /** tanh with the classic bug: the sigmoid's derivative y(1 − y) instead of 1 − y². */
    private static final class BrokenTanh extends Activation {
        @Override
        protected double value(double x) {
            return Math.tanh(x);
        }

        @Override
        protected double derivative(double x, double y) {
            return y * (1 - y);
        }

        @Override
        public String id() {
            return "broken_tanh";
        }

        @Override
        public Activation fresh() {
            return new BrokenTanh();
        }
    }

    private static final RandomSource R = TestData.random(40);
    private static final Matrix X = TestData.uniform(16, 64, -1, 1, R);
    private static final Matrix Y = TestData.uniform(16, 3, -1, 1, R);

    @Test
    void passesOnACorrectLargeNetworkAndRestoresParameters() {
        try (NeuralNetwork net = NeuralNetwork.builder(64).dense(128, "tanh").dense(96, "relu").dense(3, "linear")
                .seed(2).threads(1).build()) {
            double[] before = net.parameters().values().clone();
            GradientCheckReport report = GradientCheck.networkByProjection(net, X, Y, 3, TestData.random(1),
                    GradientCheckOptions.defaults());
            assertTrue(report.passed(), report.toString());
            assertEquals(6 * 3, report.checked(), "3 directions for each of 6 tensors");
            assertArrayEquals(before, net.parameters().values(), "restored bit for bit");
        }
    }

    @Test
    void failsOnABrokenGradientAndNamesTheTensor() {
        try (NeuralNetwork net = NeuralNetwork.builder(64).dense(128, new BrokenTanh()).dense(3, "linear")
                .seed(2).threads(1).build()) {
            GradientCheckReport report = GradientCheck.networkByProjection(net, X, Y, 3, TestData.random(1),
                    GradientCheckOptions.defaults());
            assertFalse(report.passed(), report.toString());
            assertTrue(report.worstElement().startsWith("dense1."), report.worstElement());
            assertTrue(report.toString().startsWith("FAILED"), report.toString());
        }
    }
}
