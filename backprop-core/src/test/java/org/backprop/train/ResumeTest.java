package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.backprop.check.TestData;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Adam;
import org.backprop.optim.LearningRates;
import org.backprop.optim.Optimizer;
import org.backprop.optim.OptimizerState;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/** Training resumed from saved parameters and optimizer state equals uninterrupted training, bit for bit. */
class ResumeTest {
    private static final RandomSource R = TestData.random(21);
    private static final Matrix X = TestData.uniform(53, 3, -1, 1, R);
    private static final Matrix Y = TestData.uniform(53, 2, -1, 1, R);
    private static final long SEED = 8;

    private static NeuralNetwork network() {
        return NeuralNetwork.builder(3).dense(7, "tanh").dense(2, "linear").seed(SEED).threads(1).build();
    }

    private static TrainerConfig config(int epochs) {
        return TrainerConfig.defaults(SEED).withEpochs(epochs).withBatchSize(8);
    }

    private static Optimizer adam() {
        return new Adam(LearningRates.of(0.01)).clipByNorm(1.0);
    }

    @Test
    void stoppingAfterFourEpochsAndResumingEqualsTenEpochsInOneGo() {
        double[] uninterrupted;
        try (NeuralNetwork net = network()) {
            new Trainer(net, adam(), config(10)).fit(X, Y);
            uninterrupted = net.parameters().values().clone();
        }
        double[] savedParameters;
        OptimizerState savedState;
        try (NeuralNetwork net = network()) {
            Optimizer optimizer = adam();
            new Trainer(net, optimizer, config(4)).fit(X, Y);
            savedParameters = net.parameters().values().clone();
            savedState = optimizer.state();
        }
        try (NeuralNetwork net = network()) {
            System.arraycopy(savedParameters, 0, net.parameters().values(), 0, savedParameters.length);
            Optimizer optimizer = adam();
            optimizer.restore(savedState);
            new Trainer(net, optimizer, config(10)).resumeAfter(4).fit(X, Y);
            assertArrayEquals(uninterrupted, net.parameters().values());
        }
        assertFalse(Arrays.equals(uninterrupted, savedParameters), "the resumed run trained further");
    }
}
