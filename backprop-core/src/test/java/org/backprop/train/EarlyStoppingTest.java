package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.backprop.check.TestData;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Sgd;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    /** Training target y = x, validation target y = 0.5·x: validation loss falls, then rises. */
    private static final Matrix X = TestData.uniform(40, 1, -1, 1, TestData.random(21));
    private static final Matrix Y = scaled(X, 1.0);
    private static final Matrix X_VALIDATION = TestData.uniform(20, 1, -1, 1, TestData.random(22));
    private static final Matrix Y_VALIDATION = scaled(X_VALIDATION, 0.5);

    private static Matrix scaled(Matrix x, double factor) {
        Matrix y = x.copy();
        for (int k = 0; k < y.size(); k++) {
            y.setFlat(k, factor * y.getFlat(k));
        }
        return y;
    }

    /** Copies the flat parameter buffer at every evaluated epoch, i.e. exactly what was evaluated. */
    private static final class Recorder implements TrainingListener {
        final Map<Integer, double[]> evaluatedParameters = new HashMap<>();
        final NeuralNetwork network;

        Recorder(NeuralNetwork network) {
            this.network = network;
        }

        @Override
        public void onEpochEnd(EpochRecord record) {
            if (record.evaluated()) {
                evaluatedParameters.put(record.epoch(), network.parameters().values().clone());
            }
        }
    }

    private static NeuralNetwork network() {
        return NeuralNetwork.builder(1).dense(1, "linear").seed(3).threads(1).build();
    }

    /** The epoch an independent reading of the rule picks: first to beat the best by more than minDelta. */
    private static int expectedBest(History history, double minDelta) {
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        for (EpochRecord r : history.evaluated()) {
            if (r.validationLoss() < best - minDelta) {
                best = r.validationLoss();
                bestEpoch = r.epoch();
            }
        }
        return bestEpoch;
    }

    private static void assertRestoresBestEvaluated(int evaluateEvery, double minDelta) {
        try (NeuralNetwork net = network()) {
            Recorder recorder = new Recorder(net);
            TrainerConfig config = TrainerConfig.defaults(3).withEpochs(300).withBatchSize(8)
                    .withEvaluateEvery(evaluateEvery).withPatience(3).withMinDelta(minDelta);
            History history = new Trainer(net, new Sgd(0.05), config).listener(recorder)
                    .fit(X, Y, X_VALIDATION, Y_VALIDATION);

            assertTrue(history.stoppedEarly(), "validation loss rises after w passes 0.5, so training must stop");
            int best = expectedBest(history, minDelta);
            assertTrue(best >= 0);
            assertEquals(best, history.restoredEpoch());
            int last = history.epochs().get(history.epochs().size() - 1).epoch();
            assertNotEquals(best, last, "the best epoch is not the last one in this setup");
            assertArrayEquals(recorder.evaluatedParameters.get(best), net.parameters().values(),
                    "restored parameters must be exactly those whose evaluated loss was best");
            assertFalse(Arrays.equals(recorder.evaluatedParameters.get(last), net.parameters().values()));
            assertEquals(history.evaluated().stream().filter(r -> r.epoch() == best).findFirst().orElseThrow()
                    .validationLoss(), net.evaluateLoss(X_VALIDATION, Y_VALIDATION), 1e-15);
        }
    }

    @Test
    void restoresExactlyTheBestEvaluatedParameters() {
        assertRestoresBestEvaluated(1, 0.0);
    }

    @Test
    void restoresTheBestEvaluatedParametersWhenEvaluatingEveryThirdEpoch() {
        assertRestoresBestEvaluated(3, 0.0);
    }

    @Test
    void minDeltaIgnoresTinyImprovements() {
        assertRestoresBestEvaluated(1, 1e-3);
    }

    @Test
    void patienceCountsEvaluationsWithoutImprovement() {
        try (NeuralNetwork net = network()) {
            TrainerConfig config = TrainerConfig.defaults(3).withEpochs(300).withBatchSize(8).withPatience(4);
            History history = new Trainer(net, new Sgd(0.05), config).fit(X, Y, X_VALIDATION, Y_VALIDATION);
            int last = history.epochs().get(history.epochs().size() - 1).epoch();
            assertEquals(history.restoredEpoch() + 4, last, "stops 4 evaluations after the best one");
        }
    }

    @Test
    void withoutEarlyStoppingKeepsTheFinalParameters() {
        try (NeuralNetwork net = network()) {
            Recorder recorder = new Recorder(net);
            TrainerConfig config = TrainerConfig.defaults(3).withEpochs(30).withBatchSize(8);
            History history = new Trainer(net, new Sgd(0.05), config).listener(recorder)
                    .fit(X, Y, X_VALIDATION, Y_VALIDATION);
            assertFalse(history.stoppedEarly());
            assertEquals(-1, history.restoredEpoch());
            assertEquals(30, history.epochs().size());
            assertArrayEquals(recorder.evaluatedParameters.get(29), net.parameters().values());
        }
    }

    @Test
    void monitorsTrainingLossWithoutValidation() {
        RandomSource r = TestData.random(4);
        Matrix x = TestData.uniform(30, 2, -1, 1, r);
        Matrix y = TestData.uniform(30, 1, -1, 1, r);
        try (NeuralNetwork net = NeuralNetwork.builder(2).dense(1, "linear").seed(3).threads(1).build()) {
            Recorder recorder = new Recorder(net);
            TrainerConfig config = TrainerConfig.defaults(3).withEpochs(500).withBatchSize(30).withPatience(2)
                    .withMinDelta(1e-4);
            History history = new Trainer(net, new Sgd(0.1), config).listener(recorder).fit(x, y);
            assertTrue(history.stoppedEarly(), "noise cannot be fitted: improvements fall below minDelta");
            double best = Double.POSITIVE_INFINITY;
            int bestEpoch = -1;
            for (EpochRecord rec : history.evaluated()) {
                assertFalse(rec.hasValidation());
                if (rec.trainLoss() < best - 1e-4) {
                    best = rec.trainLoss();
                    bestEpoch = rec.epoch();
                }
            }
            assertEquals(bestEpoch, history.restoredEpoch());
            assertArrayEquals(recorder.evaluatedParameters.get(bestEpoch), net.parameters().values());
        }
    }
}
