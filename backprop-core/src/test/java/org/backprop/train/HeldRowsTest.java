package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.check.TestData;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Adam;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * A small row source that computes its rows when read is read once by {@link Trainer#fit} and the
 * run equals the run on the matrix of its rows bit for bit; a large one is read batch by batch.
 */
class HeldRowsTest {

    private static double[] train(RowSource x, RowSource y, RowSource xv, RowSource yv, int threads) {
        try (NeuralNetwork net = NeuralNetwork.builder(x.cols()).dense(8, "relu").dense(1, "linear").seed(3)
                .threads(threads).build()) {
            new Trainer(net, new Adam(1e-2), TrainerConfig.defaults(3).withEpochs(4).withBatchSize(7))
                    .fit(x, y, null, xv, yv, null);
            return net.parameters().values().clone();
        }
    }

    @Test
    void aSmallComputedSourceIsReadOnceAndTrainsAsItsMatrix() {
        RandomSource r = TestData.random(4);
        Matrix x = TestData.uniform(60, 5, -1, 1, r);
        Matrix y = TestData.uniform(60, 1, -1, 1, r);
        Matrix xv = TestData.uniform(13, 5, -1, 1, r);
        Matrix yv = TestData.uniform(13, 1, -1, 1, r);
        double[] onMatrices = train(RowSource.of(x), RowSource.of(y), RowSource.of(xv), RowSource.of(yv), 1);
        for (int threads = 1; threads <= 2; threads++) {
            ComputedRows cx = new ComputedRows(x);
            ComputedRows cy = new ComputedRows(y);
            ComputedRows cxv = new ComputedRows(xv);
            ComputedRows cyv = new ComputedRows(yv);
            assertArrayEquals(onMatrices, train(cx, cy, cxv, cyv, threads), threads + " threads");
            assertEquals(60, cx.rowsRead(), "training inputs read once");
            assertEquals(60, cy.rowsRead(), "training targets read once");
            assertEquals(13, cxv.rowsRead(), "validation inputs read once");
            assertEquals(13, cyv.rowsRead(), "validation targets read once");
        }
    }

    @Test
    void aSourceOfMoreThanTheHeldValuesIsReadAtEveryBatch() {
        int cols = 2;
        int rows = (int) (Trainer.HELD_VALUES / cols) + 1;
        RandomSource r = TestData.random(5);
        Matrix x = TestData.uniform(rows, cols, -1, 1, r);
        Matrix y = TestData.uniform(rows, 1, -1, 1, r);
        ComputedRows cx = new ComputedRows(x);
        try (NeuralNetwork net = NeuralNetwork.builder(cols).dense(1, "linear").seed(3).build()) {
            new Trainer(net, new Adam(1e-2), TrainerConfig.defaults(3).withEpochs(1).withBatchSize(rows))
                    .fit(cx, RowSource.of(y), null, null, null, null);
        }
        assertTrue(cx.rowsRead() >= 2L * rows, "read " + cx.rowsRead() + " rows: a batch and an evaluation");
    }
}
