package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.backprop.check.TestData;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Adam;
import org.backprop.optim.LearningRates;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TrainerConfig#evaluateTrainingSet()} false: the training rows are evaluated only after the
 * last epoch, or every time early stopping watches them; nothing else about the run changes.
 */
class TrainingSetEvaluationTest {
    private static final Matrix X = TestData.uniform(70, 3, -1, 1, TestData.random(41));
    private static final Matrix Y = target(X);
    private static final Matrix X_VALIDATION = TestData.uniform(25, 3, -1, 1, TestData.random(42));
    private static final Matrix Y_VALIDATION = target(X_VALIDATION);

    private static Matrix target(Matrix x) {
        Matrix y = Matrix.zeros(x.rows(), 1);
        for (int i = 0; i < x.rows(); i++) {
            y.set(i, 0, Math.sin(2 * x.get(i, 0)) + x.get(i, 1) * x.get(i, 2));
        }
        return y;
    }

    /** A run's history and its final parameters. */
    private record Run(History history, double[] parameters) {
    }

    private static Run fit(int threads, TrainerConfig config, boolean validation) {
        try (NeuralNetwork net = NeuralNetwork.builder(3).dense(8, "relu").dense(1, "linear").seed(5)
                .threads(threads).build()) {
            Trainer trainer = new Trainer(net, new Adam(LearningRates.of(0.01)), config);
            History h = validation ? trainer.fit(X, Y, X_VALIDATION, Y_VALIDATION) : trainer.fit(X, Y);
            return new Run(h, net.parameters().values().clone());
        }
    }

    /** A fresh configuration (its shuffle stream is consumed by the run). */
    private static TrainerConfig config(int epochs) {
        return TrainerConfig.defaults(9).withEpochs(epochs).withBatchSize(16);
    }

    private static void assertSameTraining(Run expected, Run actual) {
        assertArrayEquals(expected.parameters(), actual.parameters(), 0.0, "final parameters, bit for bit");
        List<EpochRecord> e = expected.history().epochs();
        List<EpochRecord> a = actual.history().epochs();
        assertEquals(e.size(), a.size());
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.get(i).meanBatchLoss(), a.get(i).meanBatchLoss(), 0.0, "mean batch loss of epoch " + i);
            assertEquals(e.get(i).validationLoss(), a.get(i).validationLoss(), 0.0, "validation loss of epoch " + i);
        }
        assertEquals(expected.history().stoppedEarly(), actual.history().stoppedEarly());
        assertEquals(expected.history().restoredEpoch(), actual.history().restoredEpoch());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void withoutValidationOnlyTheLastEpochEvaluatesTheTrainingSet(int threads) {
        Run every = fit(threads, config(12), false);
        Run last = fit(threads, config(12).withEvaluateTrainingSet(false), false);
        assertSameTraining(every, last);
        List<EpochRecord> records = last.history().epochs();
        for (EpochRecord r : records.subList(0, 11)) {
            assertFalse(r.evaluated() || r.hasTrainLoss() || r.hasValidation(), "epoch " + r.epoch() + ": " + r);
        }
        EpochRecord final11 = records.get(11);
        assertTrue(final11.hasTrainLoss());
        assertEquals(every.history().epochs().get(11).trainLoss(), final11.trainLoss(), 0.0);
        assertEquals(every.history().finalTrainLoss(), last.history().finalTrainLoss(), 0.0);
        assertEquals(List.of(final11), last.history().evaluated());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void withValidationEveryEpochEvaluatesTheValidationSetAlone(int threads) {
        Run every = fit(threads, config(10), true);
        Run validationOnly = fit(threads, config(10).withEvaluateTrainingSet(false), true);
        assertSameTraining(every, validationOnly);
        for (EpochRecord r : validationOnly.history().epochs()) {
            assertTrue(r.evaluated() && r.hasValidation(), "epoch " + r.epoch());
            assertEquals(r.epoch() == 9, r.hasTrainLoss(), "epoch " + r.epoch());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void earlyStoppingStopsAndRestoresAsWhenEveryEvaluationHoldsTheTrainingSet(boolean validation) {
        Run every = fit(1, config(400).withPatience(3).withMinDelta(1e-3), validation);
        Run needed = fit(1, config(400).withPatience(3).withMinDelta(1e-3).withEvaluateTrainingSet(false), validation);
        assertTrue(every.history().stoppedEarly(), "min delta 1e-3 must end this run before 400 epochs");
        assertSameTraining(every, needed);
        for (EpochRecord r : needed.history().epochs()) {
            assertTrue(r.evaluated(), "epoch " + r.epoch());
            // without a validation set early stopping watches the training loss: evaluated every epoch
            assertEquals(!validation, r.hasTrainLoss(), "epoch " + r.epoch());
            if (!validation) {
                assertEquals(every.history().epochs().get(r.epoch()).trainLoss(), r.trainLoss(), 0.0);
            }
        }
    }
}
