package org.backprop.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.check.TestData;
import org.backprop.network.NeuralNetwork;
import org.backprop.optim.Sgd;
import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * A NaN or infinite value in a fit's data is refused before the first step, naming the data, the
 * row, the column and the value: not reported as a diverged loss blamed on a layer and the learning
 * rate, nor (in validation data) left to make every validation loss NaN.
 */
class NonFiniteDataTest {
    private static final int ROWS = 40;

    @Test
    void nanOrInfinityInTrainingXIsNamedWithItsCell() {
        assertRefused("training X has NaN at row 7, column 2", (x, y) -> x.set(7, 2, Double.NaN),
                TrainerConfig.defaults(1).withEpochs(3).withBatchSize(8));
        assertRefused("training X has Infinity at row 0, column 0", (x, y) -> x.set(0, 0, Double.POSITIVE_INFINITY),
                TrainerConfig.defaults(1).withEpochs(3).withBatchSize(8));
    }

    @Test
    void nanInTrainingYIsNamedWithItsCellAndTheCount() {
        assertRefused("training y has NaN at row 12, column 0 (0-based; 2 non-finite values in all)", (x, y) -> {
            y.set(12, 0, Double.NaN);
            y.set(30, 0, Double.NEGATIVE_INFINITY);
        }, TrainerConfig.defaults(1).withEpochs(3).withBatchSize(8));
    }

    @Test
    void aValidationSplitNamesTheRowOfTheMatrixGivenToFit() {
        assertRefused("training X has NaN at row 33, column 1", (x, y) -> x.set(33, 1, Double.NaN),
                TrainerConfig.defaults(1).withEpochs(3).withBatchSize(8).withValidationSplit(0.25));
    }

    @Test
    void nanInExplicitValidationDataIsRefused() {
        RandomSource r = TestData.random(3);
        Matrix x = TestData.uniform(ROWS, 3, -1, 1, r);
        Matrix y = TestData.uniform(ROWS, 1, -1, 1, r);
        Matrix xValidation = TestData.uniform(10, 3, -1, 1, r);
        Matrix yValidation = TestData.uniform(10, 1, -1, 1, r);
        xValidation.set(4, 1, Double.NaN);
        try (NeuralNetwork net = network()) {
            Trainer trainer = new Trainer(net, new Sgd(0.05),
                    TrainerConfig.defaults(1).withEpochs(50).withBatchSize(8).withPatience(2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> trainer.fit(x, y, xValidation, yValidation));
            assertTrue(e.getMessage().contains("validation X has NaN at row 4, column 1"), e.getMessage());
            xValidation.set(4, 1, 0.5);
            yValidation.set(9, 0, Double.NaN);
            e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(x, y, xValidation, yValidation));
            assertTrue(e.getMessage().contains("validation y has NaN at row 9, column 0"), e.getMessage());
        }
    }

    @Test
    void aLargeRowSourceThatComputesItsRowsIsCheckedBlockByBlock() {
        RandomSource r = TestData.random(4);
        Matrix x = TestData.uniform(1100, 1000, -1, 1, r);   // above Trainer.HELD_VALUES: never held in memory
        Matrix y = TestData.uniform(1100, 1, -1, 1, r);
        x.set(1050, 998, Double.NaN);
        try (NeuralNetwork net = NeuralNetwork.builder(1000).dense(1, "linear").seed(1).build()) {
            Trainer trainer = new Trainer(net, new Sgd(0.05), TrainerConfig.defaults(1).withEpochs(2).withBatchSize(8));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> trainer.fit(new ComputedRows(x), y, null, null, null, null));
            assertTrue(e.getMessage().contains("training X has NaN at row 1050, column 998"), e.getMessage());
        }
    }

    private static void assertRefused(String expected, java.util.function.BiConsumer<Matrix, Matrix> spoil,
                                      TrainerConfig config) {
        RandomSource r = TestData.random(2);
        Matrix x = TestData.uniform(ROWS, 3, -1, 1, r);
        Matrix y = TestData.uniform(ROWS, 1, -1, 1, r);
        spoil.accept(x, y);
        try (NeuralNetwork net = network()) {
            double[] before = net.parameters().values().clone();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Trainer(net, new Sgd(0.05), config).fit(x, y));
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertTrue(java.util.Arrays.equals(before, net.parameters().values()), "no step was taken");
        }
    }

    private static NeuralNetwork network() {
        return NeuralNetwork.builder(3).dense(5, "relu").dense(1, "linear").seed(1).build();
    }
}
