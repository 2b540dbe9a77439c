package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.backprop.loss.Loss;
import org.backprop.loss.Losses;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Sgd;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * A loss written the book's way (its value and its gradient, nothing else) trains and is evaluated
 * over whole sets: the trainer keeps the set's predictions for it instead of adding terms a chunk at
 * a time, which only the built-in losses can.
 */
class UserLossTest {

    /** L = ½·mean((P − y)²), dL/dP = (P − y)/(n·d). */
    static final class HalfMeanSquaredError extends Loss {
        @Override
        public String id() {
            return "half_mse";
        }

        @Override
        protected double value(Matrix p, Matrix y) {
            double sum = 0;
            for (int i = 0; i < p.rows(); i++) {
                for (int j = 0; j < p.cols(); j++) {
                    double d = p.get(i, j) - y.get(i, j);
                    sum += d * d;
                }
            }
            return 0.5 * sum / p.size();
        }

        @Override
        protected void gradient(Matrix p, Matrix y, Matrix out) {
            for (int i = 0; i < p.rows(); i++) {
                for (int j = 0; j < p.cols(); j++) {
                    out.set(i, j, (p.get(i, j) - y.get(i, j)) / p.size());
                }
            }
        }

        @Override
        public Loss fresh() {
            return new HalfMeanSquaredError();
        }
    }

    private static Matrix data(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.setFlat(k, random.nextDouble(-1, 1));
        }
        return m;
    }

    @Test
    void aLossOfValueAndGradientTrainsAndIsEvaluatedOverWholeSets() {
        assertFalse(new HalfMeanSquaredError().addsTermsInChunks());
        assertTrue(Losses.byName("mse").addsTermsInChunks());
        int n = 2 * Evaluator.CHUNK_ROWS + 10;  // several chunks
        Matrix x = data(n, 3, 1);
        Matrix y = data(n, 1, 2);
        Matrix xValidation = data(300, 3, 3);
        Matrix yValidation = data(300, 1, 4);
        try (NeuralNetwork net = NeuralNetwork.builder(3).dense(8, "tanh").dense(1, "linear")
                .loss(new HalfMeanSquaredError()).seed(5).build()) {
            History history = new Trainer(net, new Sgd(0.1), TrainerConfig.defaults(0).withEpochs(3)
                    .withBatchSize(64)).fit(x, y, xValidation, yValidation);
            EpochRecord first = history.epochs().get(0);
            EpochRecord last = history.epochs().get(history.epochs().size() - 1);
            assertTrue(last.trainLoss() < first.trainLoss(), history::toString);
            Loss check = new HalfMeanSquaredError();
            assertEquals(check.forward(net.forward(x, false).copy(), y), last.trainLoss());
            assertEquals(check.forward(net.forward(xValidation, false).copy(), yValidation), last.validationLoss());
        }
    }
}
