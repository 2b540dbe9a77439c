package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.backprop.check.TestData;
import org.backprop.kernel.Precision;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Sgd;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Training with float32 products end to end through the Trainer, with a short last batch every
 * epoch: bit-identical for 1 and 3 threads, learning, and close to the float64 run.
 */
class Float32TrainingTest {
    private static final int ROWS = 1003;

    @Test
    void float32TrainingIsThreadCountInvariantAndTracksFloat64() {
        RandomSource r = TestData.random(11);
        Matrix x = TestData.uniform(ROWS, 100, -1, 1, r);
        Matrix y = Matrix.zeros(ROWS, 1);
        for (int i = 0; i < ROWS; i++) {
            y.set(i, 0, Math.sin(x.get(i, 0) + 2 * x.get(i, 1)) + 0.5 * x.get(i, 2) * x.get(i, 3));
        }
        double[] oneThread = train(x, y, Precision.FLOAT32, 1);
        double[] threeThreads = train(x, y, Precision.FLOAT32, 3);
        double[] float64 = train(x, y, Precision.FLOAT64, 3);
        assertArrayEquals(oneThread, threeThreads, "float32 parameters after training, 1 vs 3 threads");
        double float32Loss = oneThread[oneThread.length - 1];
        double float64Loss = float64[float64.length - 1];
        double initialLoss = oneThread[oneThread.length - 2];
        assertTrue(float32Loss < 0.5 * initialLoss, "float32 learns: " + initialLoss + " -> " + float32Loss);
        assertEquals(float64Loss, float32Loss, 1e-3 * float64Loss, "float32 final loss vs float64's");
    }

    /** The trained parameters, then the initial and the final training loss. */
    private static double[] train(Matrix x, Matrix y, Precision precision, int threads) {
        try (NeuralNetwork net = NeuralNetwork.builder(100).dense(64, "relu").dense(128, "relu").dense(1, "linear")
                .seed(3).threads(threads).precision(precision).build()) {
            double initial = net.evaluateLoss(x, y);
            new Trainer(net, new Sgd(0.05), TrainerConfig.defaults(5).withEpochs(15).withBatchSize(100)).fit(x, y);
            double[] values = net.parameters().values();
            double[] result = Arrays.copyOf(values, values.length + 2);
            result[values.length] = initial;
            result[values.length + 1] = net.evaluateLoss(x, y);
            return result;
        }
    }
}
