package org.backprop.io.model;

import java.util.List;

import org.backprop.io.DoubleTable;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.preprocess.StandardScaler;
import org.backprop.network.NeuralNetwork;

/** Small models with seeded random weights, for model file tests. */
final class SampleModels {
    static final List<String> FEATURES = List.of("x1", "x2", "x3");

    private SampleModels() {
    }

    /** 3 → 4 (tanh) → 1 (linear), MSE, weights from seed 7, non-trivial scalers. */
    static Model regression() {
        NeuralNetwork net = NeuralNetwork.builder(3).dense(4, "tanh").dense(1, "linear").seed(7).threads(1).build();
        net.parameters().get("dense1.B").value().set(0, 2, 0.125);
        return Model.regression(net, FEATURES, "y", featureScaler(),
                StandardScaler.of(new double[] {10}, new double[] {2.5}),
                new ModelMetadata("{\"optimizer\":\"sgd\",\"lr\":0.01}", 7, "test", "backprop train --data d.csv"));
    }

    /** 3 → 5 (relu) → 3 (linear) over the labels "cat", "dog", "eel". */
    static Model classification() {
        NeuralNetwork net = NeuralNetwork.builder(3).dense(5, "relu").dense(3, "linear").loss(new org.backprop.loss.SoftmaxCrossEntropy()).seed(11).threads(1).build();
        return Model.classification(net, FEATURES, "animal", featureScaler(),
                LabelEncoder.fit(new String[] {"dog", "cat", "eel"}), new ModelMetadata("{}", 11, "test", ""));
    }

    /**
     * 3 → 4 (leaky_relu slope 0.3, he_normal) → dropout 0.25 → 1 (linear), Huber δ 2.5 with SUM:
     * every hyperparameter away from its default.
     */
    static Model hyperparameters() {
        NeuralNetwork net = NeuralNetwork.builder(3)
                .dense(4, new org.backprop.op.LeakyReLU(0.3), new org.backprop.init.HeNormal()).dropout(0.25)
                .dense(1, "linear").loss(new org.backprop.loss.Huber(2.5, org.backprop.loss.Reduction.SUM))
                .seed(5).threads(1).build();
        return Model.regression(net, FEATURES, "y", featureScaler(),
                StandardScaler.of(new double[] {-1}, new double[] {3}), new ModelMetadata("{}", 5, "test", ""));
    }

    static StandardScaler featureScaler() {
        return StandardScaler.of(new double[] {1, -2, 0.5}, new double[] {2, 0.5, 4});
    }

    /** n rows of three features, deterministic. */
    static DoubleTable rows(int n) {
        double[] data = new double[n * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = Math.sin(i * 1.7) * 3 + i % 3;
        }
        return new DoubleTable(data, n, 3, FEATURES);
    }
}
