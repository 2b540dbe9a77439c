package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.backprop.check.TestData;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Sgd;
import org.backprop.random.SeedStreams;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    /** Row i of X is (i, 10·i) and of y is (−i), so every row names its origin. */
    private static Matrix rows(int n, int cols, double sign) {
        Matrix m = Matrix.zeros(n, cols);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, sign * i * Math.pow(10, j));
            }
        }
        return m;
    }

    private static Set<Integer> origins(Matrix y) {
        Set<Integer> s = new HashSet<>();
        for (int i = 0; i < y.rows(); i++) {
            s.add((int) -y.get(i, 0));
        }
        return s;
    }

    @Test
    void deterministicDisjointAndComplete() {
        Matrix x = rows(50, 2, 1);
        Matrix y = rows(50, 1, -1);
        ValidationSplit a = ValidationSplit.of(x, y, 0.2, new SeedStreams(7).stream("split"));
        ValidationSplit b = ValidationSplit.of(x, y, 0.2, new SeedStreams(7).stream("split"));
        ValidationSplit c = ValidationSplit.of(x, y, 0.2, new SeedStreams(8).stream("split"));
        assertArrayEquals(a.validationRows(), b.validationRows());
        assertTrue(a.validationX().valueEquals(b.validationX()) && a.trainY().valueEquals(b.trainY()));
        assertFalse(Arrays.equals(a.validationRows(), c.validationRows()));

        assertEquals(10, a.validationX().rows());
        assertEquals(40, a.trainX().rows());
        Set<Integer> validation = origins(a.validationY());
        Set<Integer> training = origins(a.trainY());
        assertEquals(10, validation.size());
        assertEquals(40, training.size());
        assertTrue(validation.stream().noneMatch(training::contains), "disjoint");
        Set<Integer> all = new HashSet<>(validation);
        all.addAll(training);
        assertEquals(50, all.size(), "complete");
        for (int i = 0; i < a.validationX().rows(); i++) {
            int origin = a.validationRows()[i];
            assertEquals(origin, a.validationX().get(i, 0));
            assertEquals(10.0 * origin, a.validationX().get(i, 1));
            assertEquals(-origin, a.validationY().get(i, 0), "X and y rows stay paired");
        }
    }

    @Test
    void trainerUsesTheSeedsSplitStreamAndRecordsValidationLoss() {
        Matrix x = TestData.uniform(30, 2, -1, 1, TestData.random(5));
        Matrix y = TestData.uniform(30, 1, -1, 1, TestData.random(6));
        double[][] finals = new double[2][];
        for (int run = 0; run < 2; run++) {
            try (NeuralNetwork net = NeuralNetwork.builder(2).dense(1, "linear").seed(2).threads(1).build()) {
                TrainerConfig config = TrainerConfig.defaults(2).withEpochs(3).withValidationSplit(0.25);
                History h = new Trainer(net, new Sgd(0.1), config).fit(x, y);
                assertTrue(h.evaluated().stream().allMatch(EpochRecord::hasValidation));
                ValidationSplit split = ValidationSplit.of(x, y, 0.25, new SeedStreams(2).stream("split"));
                assertEquals(net.evaluateLoss(split.validationX(), split.validationY()),
                        h.evaluated().get(h.evaluated().size() - 1).validationLoss(), 1e-15);
                finals[run] = net.parameters().values().clone();
            }
        }
        assertArrayEquals(finals[0], finals[1]);
    }

    @Test
    void extraMetricsAreRecordedPerEvaluation() {
        Matrix x = TestData.uniform(30, 2, -1, 1, TestData.random(5));
        Matrix y = TestData.uniform(30, 1, -1, 1, TestData.random(6));
        try (NeuralNetwork net = NeuralNetwork.builder(2).dense(1, "linear").seed(2).threads(1).build()) {
            TrainerConfig config = TrainerConfig.defaults(2).withEpochs(4).withEvaluateEvery(2)
                    .withValidationSplit(0.2);
            History h = new Trainer(net, new Sgd(0.1), config)
                    .metric("rows", (p, t) -> p.rows())
                    .metric("maxAbsError", ValidationSplitTest::maxAbsError)
                    .fit(x, y);
            assertEquals(3, h.evaluated().size(), "epochs 0, 2 and the last one, 3");
            EpochRecord last = h.evaluated().get(2);
            assertEquals(24.0, last.trainMetrics().get("rows"));
            assertEquals(6.0, last.validationMetrics().get("rows"));
            assertEquals(java.util.List.of("rows", "maxAbsError"), java.util.List.copyOf(last.trainMetrics().keySet()));
            assertTrue(h.epochs().get(1).trainMetrics().isEmpty(), "not evaluated at epoch 1");
            ValidationSplit split = ValidationSplit.of(x, y, 0.2, new SeedStreams(2).stream("split"));
            assertEquals(maxAbsError(net.predict(split.validationX()), split.validationY()),
                    last.validationMetrics().get("maxAbsError"), 1e-15);
        }
    }

    private static double maxAbsError(Matrix prediction, Matrix target) {
        double max = 0;
        for (int k = 0; k < prediction.size(); k++) {
            max = Math.max(max, Math.abs(prediction.getFlat(k) - target.getFlat(k)));
        }
        return max;
    }
}
