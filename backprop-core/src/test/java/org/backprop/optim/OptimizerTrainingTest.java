package org.backprop.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.check.TestData;
import org.backprop.network.NeuralNetwork;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.backprop.train.History;
import org.backprop.train.Trainer;
import org.backprop.train.TrainerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every optimizer, fully configured, fits a small network through the Trainer's {@code step(params)} call. */
class OptimizerTrainingTest {

    static Iterable<String> names() {
        return Optimizers.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void fitsALinearFunction(String name) {
        RandomSource r = TestData.random(3);
        Matrix x = TestData.uniform(64, 2, -1, 1, r);
        Matrix y = Matrix.zeros(64, 1);
        for (int i = 0; i < 64; i++) {
            y.set(i, 0, 1.5 * x.get(i, 0) - x.get(i, 1) + 0.25);
        }
        int epochs = 60;
        int stepsPerEpoch = 8;
        try (NeuralNetwork net = NeuralNetwork.builder(2).dense(8, "tanh").dense(1, "linear").seed(2).build()) {
            double before = net.evaluateLoss(x, y);
            Optimizer optimizer = Optimizers.create(name, LearningRates.of(0.02))
                    .schedule(LearningRateSchedule.cosine(epochs, 0.1).perEpoch(stepsPerEpoch).withWarmup(10))
                    .clipByNorm(5)
                    .weightDecay(1e-5);
            History h = new Trainer(net, optimizer, TrainerConfig.defaults(1).withEpochs(epochs).withBatchSize(8))
                    .fit(x, y);
            assertTrue(h.finalTrainLoss() < before / 10, name + ": " + before + " → " + h.finalTrainLoss());
        }
    }
}
