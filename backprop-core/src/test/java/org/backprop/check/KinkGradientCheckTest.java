package org.backprop.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.loss.MeanAbsoluteError;
import org.backprop.op.Activation;
import org.backprop.op.Activations;
import org.backprop.network.NeuralNetwork;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Central differences across a kink: a ReLU pre-activation (or an absolute-error residual) placed
 * within the step of 0 makes the plain check fail; the kink watch re-checks the element with a
 * smaller step or excludes it, counts it, and the check passes.
 */
class KinkGradientCheckTest {

    /**
     * A 3→4 ReLU→1 network whose hidden unit 1 has pre-activation {@code p1} on row 0 and unit 2
     * {@code p2}, set through their biases; the other units are far from 0 on every row.
     */
    private static NeuralNetwork networkWithKinksAt(Matrix x, double p1, double p2) {
        NeuralNetwork net = NeuralNetwork.builder(3).dense(4, "relu").dense(1, "linear").seed(4).threads(1).build();
        Matrix w = net.parameters().get("dense1.W").value();
        Matrix b = net.parameters().get("dense1.B").value();
        double[] wanted = {0.8, p1, p2, -0.9};
        for (int j = 0; j < 4; j++) {
            double dot = 0;
            for (int i = 0; i < 3; i++) {
                dot += x.get(0, i) * w.get(i, j);
            }
            b.set(0, j, wanted[j] - dot);
        }
        return net;
    }

    private static Matrix inputs() {
        // row 0 is the one with the kinks; the others lie far from them for every unit
        return Matrix.of(new double[][] {{0.5, -0.2, 0.1}, {0.5, -0.2, 0.1}});
    }

    /**
     * The watch asks each activation whether its derivative jumps at 0 (no list of names): every
     * registered activation says so exactly when its one-sided slopes at 0 differ.
     */
    @Test
    void everyActivationDeclaresAKinkAtZeroExactlyWhenItsSlopesJumpThere() {
        double h = 1e-6;
        for (String name : Activations.names()) {
            Activation f = Activations.byName(name);
            Matrix y = f.forward(Matrix.row(-h, 0, h));
            double left = (y.get(0, 1) - y.get(0, 0)) / h;
            double right = (y.get(0, 2) - y.get(0, 1)) / h;
            assertEquals(Math.abs(left - right) > 1e-3, f.kinkedAtZero(), name + ": slopes " + left + ", " + right);
        }
    }

    @Test
    void aReluPreActivationWithinTheStepFailsThePlainCheckAndIsRecheckedOrExcludedByTheWatch() {
        Matrix x = inputs();
        Matrix y = Matrix.column(0.3, -0.4);
        // unit 1 at 3e-7: crosses at h = 1e-6, not at 1e-7; unit 2 at 2e-8: crosses at both
        try (NeuralNetwork net = networkWithKinksAt(x, 3e-7, 2e-8)) {
            double[] before = net.parameters().values().clone();
            GradientCheckReport plain = GradientCheck.network(net, x, y,
                    GradientCheckOptions.defaults().withKinkRetries(-1));
            assertFalse(plain.passed(), "without the watch the kink fails the check: " + plain);
            assertEquals(0, plain.rechecked() + plain.excluded());

            GradientCheckReport watched = GradientCheck.network(net, x, y, GradientCheckOptions.defaults());
            assertTrue(watched.passed(), watched.toString());
            assertTrue(watched.rechecked() > 0, "unit 1's elements pass at a smaller step: " + watched);
            assertTrue(watched.excluded() > 0, "unit 2's elements cross at every step: " + watched);
            assertEquals(plain.checked(), watched.checked() + watched.excluded());
            assertTrue(watched.toString().contains("re-checked with a smaller step"), watched.toString());
            assertArrayEquals(before, net.parameters().values(), "parameters restored exactly");
        }
    }

    @Test
    void theProjectionCheckWatchesKinksToo() {
        Matrix x = inputs();
        Matrix y = Matrix.column(0.3, -0.4);
        try (NeuralNetwork net = networkWithKinksAt(x, 2e-8, 1.0)) {
            RandomSource r = TestData.random(9);
            GradientCheckReport watched = GradientCheck.networkByProjection(net, x, y, 3, r,
                    GradientCheckOptions.defaults());
            assertTrue(watched.passed(), watched.toString());
            assertTrue(watched.excluded() > 0, watched.toString());
        }
    }

    @Test
    void anAbsoluteErrorResidualWithinTheStepIsWatched() {
        Matrix p = Matrix.column(0.5, 1.0 + 2e-8, -2.0);
        Matrix y = Matrix.column(0.0, 1.0, 0.0);
        GradientCheckReport plain = GradientCheck.loss(new MeanAbsoluteError(), p, y,
                GradientCheckOptions.defaults().withKinkRetries(-1));
        assertFalse(plain.passed(), plain.toString());
        GradientCheckReport watched = GradientCheck.loss(new MeanAbsoluteError(), p, y, GradientCheckOptions.defaults());
        assertTrue(watched.passed(), watched.toString());
        assertEquals(1, watched.excluded());
        assertEquals(2, watched.checked());
    }
}
