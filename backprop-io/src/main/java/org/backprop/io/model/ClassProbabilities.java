package org.backprop.io.model;

import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;

/**
 * Class probabilities of a classification network. A seam: until the core's
 * {@code NeuralNetwork.predictProbabilities} is merged, the outputs are taken as logits and passed
 * through a row-wise softmax (what a softmax cross-entropy loss implies).
 */
final class ClassProbabilities {
    private ClassProbabilities() {
    }

    /** n×classes probabilities for standardized inputs {@code x}; thread-safe. */
    static Matrix of(NeuralNetwork network, Matrix x) {
        Matrix z = network.predict(x);
        for (int i = 0; i < z.rows(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < z.cols(); j++) {
                max = Math.max(max, z.get(i, j));
            }
            double sum = 0;
            for (int j = 0; j < z.cols(); j++) {
                double e = Math.exp(z.get(i, j) - max);
                z.set(i, j, e);
                sum += e;
            }
            for (int j = 0; j < z.cols(); j++) {
                z.set(i, j, z.get(i, j) / sum);
            }
        }
        return z;
    }
}
