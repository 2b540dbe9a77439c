package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.backprop.check.TestData;
import org.backprop.kernel.ThreadTeam;
import org.backprop.loss.SoftmaxCrossEntropy;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Sgd;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/** Row weights through the Trainer: batches, shuffles, the validation split and the evaluated losses. */
class WeightedTrainingTest {

    @Test
    void weightsFollowTheirRowsThroughShufflesAndBatches() {
        RandomSource r = TestData.random(41);
        Matrix x = TestData.uniform(23, 2, -1, 1, r);
        Matrix y = Matrix.zeros(23, 1);
        Matrix w = Matrix.zeros(23, 1);
        for (int i = 0; i < 23; i++) {
            y.set(i, 0, i);
            w.set(i, 0, 100 + i); // the weight names its row
        }
        try (ThreadTeam team = ThreadTeam.of(2)) {
            Batches batches = new Batches(RowSource.of(x), y, w, 5, team);
            batches.reset(new SeedStreams(3).stream("shuffle"));
            int seen = 0;
            for (int b = 0; b < batches.count(); b++) {
                Matrix xb = batches.load(b);
                for (int i = 0; i < xb.rows(); i++) {
                    int row = (int) batches.targets().get(i, 0);
                    assertEquals(100 + row, batches.weights().get(i, 0));
                    assertEquals(x.get(row, 1), xb.get(i, 1));
                    seen++;
                }
            }
            assertEquals(23, seen);
        }
    }

    private static double[] fullBatchSgd(Matrix x, Matrix y, Matrix w) {
        try (NeuralNetwork net = NeuralNetwork.builder(2).dense(4, "tanh").dense(1, "linear").seed(7).threads(1)
                .build()) {
            new Trainer(net, new Sgd(0.1), TrainerConfig.defaults(7).withEpochs(30).withBatchSize(1000)
                    .withShuffle(false)).fit(x, y, w);
            return net.parameters().values().clone();
        }
    }

    @Test
    void anIntegerWeightTrainsLikeRepeatedRows() {
        RandomSource r = TestData.random(42);
        Matrix x = TestData.uniform(6, 2, -1, 1, r);
        Matrix y = TestData.uniform(6, 1, -1, 1, r);
        int[] repeated = {0, 0, 0, 1, 2, 2, 4, 5};          // weights 3, 1, 2, 0, 1, 1
        double[] weighted = fullBatchSgd(x, y, Matrix.column(3, 1, 2, 0, 1, 1));
        double[] copies = fullBatchSgd(x.selectRows(repeated), y.selectRows(repeated), null);
        assertArrayEquals(copies, weighted, 1e-12);
        assertTrue(Arrays.stream(weighted).anyMatch(v -> v != 0));
    }

    @Test
    void validationSplitTakesItsRowsWeightsAndLossesAreWeighted() {
        RandomSource r = TestData.random(43);
        Matrix x = TestData.uniform(40, 3, -1, 1, r);
        int[] labels = new int[40];
        Matrix w = Matrix.zeros(40, 1);
        for (int i = 0; i < 40; i++) {
            labels[i] = i % 2;
            w.set(i, 0, labels[i] == 1 ? 3.0 : 1.0);
        }
        Matrix y = org.backprop.metrics.ClassLabels.oneHot(labels, 2);
        TrainerConfig config = TrainerConfig.defaults(5).withEpochs(2).withValidationSplit(0.25);
        ValidationSplit split = ValidationSplit.of(x, y, 0.25, new SeedStreams(5).stream("split"));
        try (NeuralNetwork net = NeuralNetwork.builder(3).dense(2, "linear").loss(new SoftmaxCrossEntropy()).seed(5)
                .threads(1).build()) {
            History h = new Trainer(net, new Sgd(0.1), config).fit(x, y, w);
            EpochRecord last = h.epochs().get(h.epochs().size() - 1);
            Matrix wv = w.selectRows(split.validationRows());
            Matrix wt = w.selectRows(split.trainingRows());
            double validation = new SoftmaxCrossEntropy().forward(net.predict(split.validationX()), split.validationY(), wv);
            double train = new SoftmaxCrossEntropy().forward(net.predict(split.trainX()), split.trainY(), wt);
            assertEquals(validation, last.validationLoss(), 1e-12);
            assertEquals(train, last.trainLoss(), 1e-12);
        }
    }

    @Test
    void trainingRowsAreTheComplementOfTheValidationRows() {
        Matrix x = TestData.uniform(17, 1, -1, 1, TestData.random(44));
        ValidationSplit split = ValidationSplit.of(x, x, 0.3, new SeedStreams(1).stream("split"));
        int[] all = new int[17];
        int k = 0;
        for (int i : split.trainingRows()) {
            all[k++] = i;
        }
        for (int i : split.validationRows()) {
            all[k++] = i;
        }
        Arrays.sort(all);
        for (int i = 0; i < 17; i++) {
            assertEquals(i, all[i]);
        }
        assertArrayEquals(x.selectRows(split.trainingRows()).toArray(), split.trainX().toArray());
    }

    @Test
    void negativeWeightsAreRefusedBeforeTraining() {
        try (NeuralNetwork net = NeuralNetwork.builder(1).dense(1, "linear").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Trainer(net, new Sgd(0.1), TrainerConfig.defaults(1))
                            .fit(Matrix.column(1, 2), Matrix.column(1, 2), Matrix.column(1, -1)));
            assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        }
    }
}
