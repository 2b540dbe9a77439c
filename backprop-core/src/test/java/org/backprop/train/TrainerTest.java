package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.check.TestData;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.ParamKind;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Sgd;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static double[] train(long seed, int threads, int epochs) {
        RandomSource r = TestData.random(9);
        Matrix x = TestData.uniform(50, 3, -1, 1, r);
        Matrix y = TestData.uniform(50, 1, -1, 1, r);
        try (NeuralNetwork net = NeuralNetwork.builder(3).dense(8, "relu").dense(1, "linear").seed(seed)
                .threads(threads).build()) {
            new Trainer(net, new Sgd(0.05), TrainerConfig.defaults(seed).withEpochs(epochs).withBatchSize(7))
                    .fit(x, y);
            return net.parameters().values().clone();
        }
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsForAnyThreadCount() {
        assertArrayEquals(train(5, 1, 20), train(5, 1, 20));
        assertArrayEquals(train(5, 1, 20), train(5, 2, 20));
        assertFalse(java.util.Arrays.equals(train(5, 1, 20), train(6, 1, 20)));
    }

    @Test
    void learnsALinearFunction() {
        RandomSource r = TestData.random(10);
        Matrix x = TestData.uniform(200, 2, -1, 1, r);
        Matrix y = Matrix.zeros(200, 1);
        for (int i = 0; i < 200; i++) {
            y.set(i, 0, 3 * x.get(i, 0) - 2 * x.get(i, 1) + 0.5);
        }
        try (NeuralNetwork net = NeuralNetwork.builder(2).dense(1, "linear").seed(1).build()) {
            History h = new Trainer(net, new Sgd(0.1), TrainerConfig.defaults(1).withEpochs(200).withBatchSize(20))
                    .fit(x, y);
            assertTrue(h.finalTrainLoss() < 1e-10, "final loss " + h.finalTrainLoss());
            assertEquals(3.0, net.parameters().get("dense1.W").value().get(0, 0), 1e-5);
            assertEquals(0.5, net.parameters().get("dense1.B").value().get(0, 0), 1e-5);
        }
    }

    @Test
    void perGroupLearningRatesApplyToBiasesSeparately() {
        try (NeuralNetwork net = NeuralNetwork.builder(1).dense(1, "linear").seed(1).build()) {
            double w0 = net.parameters().values()[0];
            new Trainer(net, new Sgd(LearningRates.of(0.0).with(ParamKind.BIAS, 0.5)),
                    TrainerConfig.defaults(1).withEpochs(1).withBatchSize(1).withShuffle(false))
                    .fit(Matrix.column(1.0), Matrix.column(10.0));
            assertEquals(w0, net.parameters().values()[0], "weight lr 0 leaves W unchanged");
            // B: 0 − 0.5 · 2(P − y) with P = w0
            assertEquals(-0.5 * 2 * (w0 - 10.0), net.parameters().values()[1], 1e-15);
        }
    }

    @Test
    void aValidationSplitLeavingOneTrainingRowIsRefused() {
        RandomSource r = TestData.random(9);
        Matrix x = TestData.uniform(10, 3, -1, 1, r);
        Matrix y = TestData.uniform(10, 1, -1, 1, r);
        try (NeuralNetwork net = NeuralNetwork.builder(3).dense(1, "linear").seed(1).build()) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new Trainer(net, new Sgd(0.05), TrainerConfig.defaults(1).withEpochs(2)
                            .withValidationSplit(0.99)).fit(x, y));
            assertTrue(e.getMessage().contains("holds out 9 of 10 rows and leaves 1 for training; at least 2"),
                    e.getMessage());
            new Trainer(net, new Sgd(0.05), TrainerConfig.defaults(1).withEpochs(2).withValidationSplit(0.8)).fit(x, y);
        }
    }

    @Test
    void aHistoryPrintsItsEpochsLossesAndEnd() {
        RandomSource r = TestData.random(9);
        Matrix x = TestData.uniform(40, 3, -1, 1, r);
        Matrix y = TestData.uniform(40, 1, -1, 1, r);
        try (NeuralNetwork net = NeuralNetwork.builder(3).dense(4, "relu").dense(1, "linear").seed(1).build()) {
            History h = new Trainer(net, new Sgd(0.05), TrainerConfig.defaults(1).withEpochs(3).withBatchSize(8)
                    .withValidationSplit(0.25)).fit(x, y);
            String text = h.toString();
            assertTrue(text.startsWith("History[3 epochs, final train loss ") && text.contains("best validation loss")
                    && text.endsWith("]"), text);
        }
    }

    @Test
    void aClosedNetworkStillPredicts() {
        RandomSource r = TestData.random(9);
        Matrix x = TestData.uniform(5, 3, -1, 1, r);
        NeuralNetwork net = NeuralNetwork.builder(3).dense(4, "relu").dense(1, "linear").seed(1).threads(2).build();
        Matrix before = net.predict(x);
        net.close();
        org.junit.jupiter.api.Assertions.assertArrayEquals(before.toArray(), net.predict(x).toArray(), 0.0);
        net.close();
    }
}
