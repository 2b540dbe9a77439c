package org.backprop.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void accuracyOfLabelsAndOfRows() {
        assertEquals(0.75, Accuracy.of(new int[] {0, 1, 2, 2}, new int[] {0, 1, 2, 0}));
        Matrix scores = Matrix.of(new double[][] {{0.1, 0.9}, {2, -1}, {0.5, 0.5}});
        Matrix targets = Matrix.of(new double[][] {{0, 1}, {0, 1}, {1, 0}});
        assertArrayEquals(new int[] {1, 0, 0}, ClassLabels.argmax(scores), "ties go to the first column");
        assertEquals(2.0 / 3, Accuracy.ofRows(targets, scores), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Accuracy.of(new int[] {1}, new int[] {1, 2}));
    }

    @Test
    void logLossBinaryAndMulticlassByHand() {
        assertEquals(-(Math.log(0.8) + Math.log(0.6)) / 2,
                LogLoss.of(Matrix.column(1, 0), Matrix.column(0.8, 0.4)), 1e-15);
        Matrix p = Matrix.of(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.1, 0.8}});
        Matrix y = Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}});
        assertEquals(-(Math.log(0.7) + Math.log(0.1)) / 2, LogLoss.of(y, p), 1e-15);
    }

    @Test
    void logLossClipsCertainWrongPredictions() {
        double expected = -Math.log(1e-15);
        assertEquals(expected, LogLoss.of(Matrix.column(1), Matrix.column(0.0)), 1e-9);
        assertEquals(expected, LogLoss.of(Matrix.column(0), Matrix.column(1.0)), 1e-3);
        assertEquals(expected, LogLoss.of(Matrix.row(1, 0), Matrix.row(0, 1)), 1e-9);
    }

    @Test
    void confusionMatrixCountsTrueByPredicted() {
        int[] actual = {0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        int[] predicted = {0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0};
        ConfusionMatrix cm = ConfusionMatrix.of(actual, predicted, 3);
        assertArrayEquals(new long[][] {{1, 1, 0}, {0, 2, 1}, {1, 0, 9}}, cm.toArray());
        assertEquals(15, cm.total());
        assertEquals(9, cm.count(2, 2));
        assertEquals(String.join("\n",
                "true\\pred  0  1  2",
                "        0  1  1  0",
                "        1  0  2  1",
                "        2  1  0  9"), cm.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0}, new int[] {3}, 3));
        assertTrue(e.getMessage().contains("predicted label 3"), e.getMessage());
    }

    @Test
    void oneHotAndThresholdLabels() {
        assertArrayEquals(new double[] {0, 1, 1, 0}, ClassLabels.oneHot(new int[] {1, 0}, 2).toArray());
        assertArrayEquals(new int[] {1, 0, 1}, ClassLabels.threshold(Matrix.column(0.5, 0.49, 0.9), 0.5));
    }
}
