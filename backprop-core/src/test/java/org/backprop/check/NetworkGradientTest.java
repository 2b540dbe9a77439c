package org.backprop.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Sgd;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.backprop.train.Trainer;
import org.backprop.train.TrainerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkGradientTest {

    /**
     * Hidden layers wide enough that no row has every ReLU unit off: such a row makes the next
     * layer's pre-activation exactly its (zero) bias, a kink where the numerical derivative is
     * one-sided and the check would report a non-differentiable point, not a bug.
     */
    private static NeuralNetwork network(String hidden) {
        return NeuralNetwork.builder(4).dense(16, hidden).dense(12, hidden).dense(2, "linear").seed(11).threads(1)
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "tanh", "sigmoid", "linear"})
    void wholeNetworkAtInitializationAndAfterTenSteps(String hidden) {
        RandomSource r = TestData.random(6);
        Matrix x = TestData.uniform(8, 4, -1, 1, r);
        Matrix y = TestData.uniform(8, 2, -1, 1, r);
        try (NeuralNetwork net = network(hidden)) {
            double[] before = net.parameters().values().clone();
            GradientCheckReport atInit = GradientCheck.network(net, x, y, GradientCheckOptions.defaults());
            assertTrue(atInit.passed(), "at init: " + atInit);
            assertArrayEquals(before, net.parameters().values(), "the check must restore parameters exactly");

            TrainerConfig config = TrainerConfig.defaults(3).withEpochs(10).withBatchSize(8);
            new Trainer(net, new Sgd(0.05), config).fit(x, y);
            GradientCheckReport trained = GradientCheck.network(net, x, y, GradientCheckOptions.defaults());
            assertTrue(trained.passed(), "after 10 steps: " + trained);
        }
    }
}
