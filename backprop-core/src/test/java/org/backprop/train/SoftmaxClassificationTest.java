package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.check.TestData;
import org.backprop.loss.SoftmaxCrossEntropy;
import org.backprop.metrics.Accuracy;
import org.backprop.metrics.ClassLabels;
import org.backprop.network.NeuralNetwork;
import org.backprop.network.NetworkBuilder;
import org.backprop.optim.Sgd;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Classification end to end with the fused softmax cross-entropy: an MLP against a logistic
 * regression baseline (one linear layer, same loss, same training), both scored on held-out rows.
 */
class SoftmaxClassificationTest {
    private static final int ROWS = 480;
    private static final int TRAIN = 360;

    private record DataSet(Matrix x, int[] labels, int classes) {
        Matrix xTrain() {
            return x.rowRange(0, TRAIN);
        }

        Matrix yTrain() {
            return ClassLabels.oneHot(java.util.Arrays.copyOfRange(labels, 0, TRAIN), classes);
        }

        Matrix xTest() {
            return x.rowRange(TRAIN, ROWS);
        }

        int[] labelsTest() {
            return java.util.Arrays.copyOfRange(labels, TRAIN, ROWS);
        }
    }

    /** Three Gaussian blobs (σ = 0.6) centred on a triangle of side √3·1.5: nearly linearly separable. */
    private static DataSet blobs(long seed) {
        RandomSource r = TestData.random(seed);
        double[][] centres = {{0, 1.5}, {-1.3, -0.75}, {1.3, -0.75}};
        Matrix x = Matrix.zeros(ROWS, 2);
        int[] labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            labels[i] = r.nextInt(3);
            x.set(i, 0, centres[labels[i]][0] + 0.6 * r.nextGaussian());
            x.set(i, 1, centres[labels[i]][1] + 0.6 * r.nextGaussian());
        }
        return new DataSet(x, labels, 3);
    }

    /**
     * Four classes in [−1, 1]², not linearly separable: inside or outside the circle r = 0.6, crossed
     * with the sign of x₀·x₁ (an XOR of quadrants).
     */
    private static DataSet ringsAndQuadrants(long seed) {
        RandomSource r = TestData.random(seed);
        Matrix x = TestData.uniform(ROWS, 2, -1, 1, r);
        int[] labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double a = x.get(i, 0);
            double b = x.get(i, 1);
            labels[i] = (a * a + b * b > 0.36 ? 2 : 0) + (a * b > 0 ? 1 : 0);
        }
        return new DataSet(x, labels, 4);
    }

    private static double heldOutAccuracy(NetworkBuilder builder, DataSet data, int epochs, double lr) {
        try (NeuralNetwork net = builder.loss(new SoftmaxCrossEntropy()).seed(5).threads(1).build()) {
            new Trainer(net, new Sgd(lr), TrainerConfig.defaults(5).withEpochs(epochs).withBatchSize(32)
                    .withEvaluateEvery(epochs)).fit(data.xTrain(), data.yTrain());
            int[] predicted = ClassLabels.argmax(net.predictProbabilities(data.xTest()));
            return Accuracy.of(data.labelsTest(), predicted);
        }
    }

    private static NetworkBuilder logisticRegression(DataSet data) {
        return NeuralNetwork.builder(2).dense(data.classes(), "linear");
    }

    private static NetworkBuilder mlp(DataSet data) {
        return NeuralNetwork.builder(2).dense(32, "tanh").dense(32, "tanh").dense(data.classes(), "linear");
    }

    @Test
    void onBlobsTheMlpIsAtLeastAsAccurateAsLogisticRegression() {
        DataSet data = blobs(51);
        double baseline = heldOutAccuracy(logisticRegression(data), data, 100, 0.2);
        double mlp = heldOutAccuracy(mlp(data), data, 100, 0.2);
        assertTrue(baseline >= 0.9, "baseline " + baseline);
        assertTrue(mlp >= baseline, "MLP " + mlp + " < baseline " + baseline);
    }

    @Test
    void onANonlinearProblemTheMlpClearlyBeatsLogisticRegression() {
        DataSet data = ringsAndQuadrants(52);
        double baseline = heldOutAccuracy(logisticRegression(data), data, 300, 0.5);
        double mlp = heldOutAccuracy(mlp(data), data, 300, 0.5);
        assertTrue(mlp >= 0.85, "MLP " + mlp);
        assertTrue(mlp >= baseline + 0.3, "MLP " + mlp + " vs baseline " + baseline);
    }
}
