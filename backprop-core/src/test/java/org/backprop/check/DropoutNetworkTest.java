package org.backprop.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.backprop.layer.DropoutLayer;
import org.backprop.layer.Layer;
import org.backprop.network.NeuralNetwork;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

class DropoutNetworkTest {
    private static final RandomSource R = TestData.random(12);
    private static final Matrix X = TestData.uniform(8, 4, -1, 1, R);
    private static final Matrix Y = TestData.uniform(8, 2, -1, 1, R);

    private static NeuralNetwork withDropout() {
        return NeuralNetwork.builder(4).dense(6, "tanh").dropout(0.5).dense(5, "tanh").dropout(0.25)
                .dense(2, "linear").seed(11).threads(1).build();
    }

    @Test
    void builderAddsNamedDropoutLayersAndInferenceIgnoresThem() {
        try (NeuralNetwork net = withDropout();
             NeuralNetwork plain = NeuralNetwork.builder(4).dense(6, "tanh").dense(5, "tanh").dense(2, "linear")
                     .seed(11).threads(1).build()) {
            List<String> names = net.layers().stream().map(Layer::name).toList();
            assertEquals(List.of("dense1", "dropout1", "dense2", "dropout2", "dense3"), names);
            assertEquals(plain.parameters().size(), net.parameters().size());
            assertTrue(plain.predict(X).valueEquals(net.predict(X)), "dropout is the identity at inference");
            assertFalse(net.forward(X, true).valueEquals(plain.predict(X)), "but not in training");
        }
    }

    private static double[] trainedWithDropout() {
        try (NeuralNetwork net = withDropout()) {
            new org.backprop.train.Trainer(net, new org.backprop.optim.Sgd(0.05),
                    org.backprop.train.TrainerConfig.defaults(11).withEpochs(5).withBatchSize(3)).fit(X, Y);
            return net.parameters().values().clone();
        }
    }

    @Test
    void trainingWithDropoutIsReproducibleFromTheSeed() {
        org.junit.jupiter.api.Assertions.assertArrayEquals(trainedWithDropout(), trainedWithDropout());
    }

    @Test
    void gradientCheckFreezesMasksAndPasses() {
        try (NeuralNetwork net = withDropout()) {
            GradientCheckReport full = GradientCheck.network(net, X, Y, GradientCheckOptions.defaults());
            assertTrue(full.passed(), full.toString());
            GradientCheckReport fast = GradientCheck.networkByProjection(net, X, Y, 3, TestData.random(1),
                    GradientCheckOptions.defaults());
            assertTrue(fast.passed(), fast.toString());
            for (Layer layer : net.layers()) {
                if (layer instanceof DropoutLayer d) {
                    assertFalse(d.dropout().maskFrozen(), "the check unfreezes the masks it froze");
                }
            }
        }
    }

    @Test
    void withoutFrozenMasksFiniteDifferencesAreMeaningless() {
        try (NeuralNetwork net = withDropout()) {
            net.forwardLoss(X, Y);
            net.backward();
            Matrix w = net.parameters().get("dense1.W").value();
            Matrix grad = net.parameters().get("dense1.W").grad().copy();
            GradientCheckReport report = GradientCheck.compare("dense1.W", w, grad, () -> net.forwardLoss(X, Y),
                    GradientCheckOptions.defaults());
            assertFalse(report.passed(), "a fresh mask per forward makes the loss a different function: " + report);
        }
    }
}
