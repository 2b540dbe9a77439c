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
        // The smallest of several first evaluations: until the JIT has compiled the kernels (late on a
        // loaded machine) their Vector API code boxes every vector on the heap, which says nothing
        // about chunking; an evaluation over all rows at once would allocate 20 MB every time.
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 8 && fewest >= oneHiddenLayer(n) / 2; attempt++) {
            fewest = Math.min(fewest, bytesOfAFirstEvaluation(x, y));
        }
        assertTrue(fewest < oneHiddenLayer(n) / 2, "a first evaluation allocated " + fewest + " bytes at best; "
                + "one hidden layer of all rows is " + oneHiddenLayer(n));
    }

    /** 40,000 x 64 x 8 bytes: what one forward pass over all rows allocates for each hidden operation. */
    private static long oneHiddenLayer(int rows) {
        return (long) rows * 64 * Double.BYTES;
    }

    /** Bytes the caller and backprop's workers allocate to build an evaluator of a new network and run it once. */
    private static long bytesOfAFirstEvaluation(Matrix x, Matrix y) {
        try (NeuralNetwork net = wide()) {
            AllocationMeter meter = AllocationMeter.callerAndThreadsNamed("backprop-");  // not other tests' threads
            assertNotNull(meter, "this JVM cannot measure allocation");
            long before = meter.sample();
            try (Evaluator evaluator = new Evaluator(net, Map.of(), TrainerConfig.defaults(0), RowSource.of(x), y, null, null,
                    null, null)) {
                evaluator.evaluate(0, 0);
            }
            return meter.sample() - before;
        }
    }

    private static NeuralNetwork wide() {
        return NeuralNetwork.builder(5).dense(64, "relu").dense(64, "relu").dense(1, "linear")
                .loss(Losses.byName("mse")).seed(3).threads(1).build();
    }
}
