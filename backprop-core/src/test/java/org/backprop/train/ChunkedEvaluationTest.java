package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.backprop.kernel.Precision;
import org.backprop.loss.Losses;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Sgd;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The trainer's evaluation runs the network in chunks of rows ({@link Evaluator#CHUNK_ROWS}): the
 * losses equal one forward pass over all rows bit for bit, and an evaluation holds no activation
 * matrix of all rows.
 */
class ChunkedEvaluationTest {

    private static Matrix data(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.setFlat(k, random.nextDouble(-2, 2));
        }
        return m;
    }

    private static NeuralNetwork network(Precision precision) {
        return NeuralNetwork.builder(5).dense(16, "relu").dense(8, "tanh").dense(1, "linear")
                .loss(Losses.byName("mse")).seed(3).threads(2).precision(precision).build();
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void lossesEqualOneForwardPassOverAllRows(Precision precision) {
        // 2 chunks and one row: the last chunk is never a single row (float32 rounds those differently)
        int n = 2 * Evaluator.CHUNK_ROWS + 1;
        Matrix x = data(n, 5, 1);
        Matrix y = data(n, 1, 2);
        Matrix xValidation = data(Evaluator.CHUNK_ROWS + 1, 5, 3);
        Matrix yValidation = data(Evaluator.CHUNK_ROWS + 1, 1, 4);
        try (NeuralNetwork net = network(precision)) {
            History history = new Trainer(net, new Sgd(0.01), TrainerConfig.defaults(0).withEpochs(2)
                    .withBatchSize(256)).fit(x, y, xValidation, yValidation);
            EpochRecord last = history.epochs().get(history.epochs().size() - 1);
            assertTrue(last.evaluated());
            assertEquals(net.loss().forward(net.forward(x, false).copy(), y, null), last.trainLoss());
            assertEquals(net.loss().forward(net.forward(xValidation, false).copy(), yValidation, null),
                    last.validationLoss());
        }
    }

    @Test
    void anEvaluationAllocatesFarLessThanOneHiddenLayerOfAllRows() {
        int n = 40_000;
        Matrix x = data(n, 5, 5);
        Matrix y = data(n, 1, 6);
        try (NeuralNetwork warm = wide(); Evaluator evaluator = new Evaluator(warm, Map.of(), RowSource.of(x), y, null, null, null,
                null)) {
            evaluator.evaluate(0, 0);  // classes loaded, code compiled
        }
        try (NeuralNetwork net = wide()) {
            AllocationMeter meter = AllocationMeter.callerAndThreadsNamed("backprop-");  // not other tests' threads
            assertNotNull(meter, "this JVM cannot measure allocation");
            long before = meter.sample();
            try (Evaluator evaluator = new Evaluator(net, Map.of(), RowSource.of(x), y, null, null, null, null)) {
                evaluator.evaluate(0, 0);
            }
            long bytes = meter.sample() - before;
            // the predictions (n x 1) and chunk buffers of 1024 rows; one forward pass over all rows
            // would allocate 40,000 x 64 x 8 bytes (20 MB) for each of the hidden layers' operations
            long oneHiddenLayer = (long) n * 64 * Double.BYTES;
            assertTrue(bytes < oneHiddenLayer / 2, "a first evaluation allocated " + bytes + " bytes; one hidden "
                    + "layer of all rows is " + oneHiddenLayer);
        }
    }

    private static NeuralNetwork wide() {
        return NeuralNetwork.builder(5).dense(64, "relu").dense(64, "relu").dense(1, "linear")
                .loss(Losses.byName("mse")).seed(3).threads(1).build();
    }
}
