package org.backprop.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.backprop.golden.GoldenFile;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Every metric against scikit-learn on the same inputs, with and without sample weights: golden
 * values from {@code src/test/python/sklearn_metrics_golden.py}.
 */
class MetricsGoldenTest {
    private static final GoldenFile GOLDEN = GoldenFile.load("sklearn_metrics.txt");
    private static final double TOLERANCE = 1e-12;

    private static double one(String key) {
        return GOLDEN.doubles(key)[0];
    }

    @Test
    void rocAucWithTiesAndWeights() {
        int[] y = GOLDEN.ints("binary_true");
        double[] scores = GOLDEN.doubles("binary_score");
        double[] w = GOLDEN.doubles("binary_weight");
        assertEquals(one("roc_auc"), RocAuc.of(y, scores).getAsDouble(), TOLERANCE);
        assertEquals(one("roc_auc_weighted"), RocAuc.of(y, scores, w).getAsDouble(), TOLERANCE);
    }

    @Test
    void rocAucOfOneClassIsUndefinedAndOfPerfectRankingIsOne() {
        assertEquals(OptionalDouble.empty(), RocAuc.of(new int[] {1, 1}, new double[] {0.2, 0.9}));
        assertEquals(1.0, RocAuc.of(new int[] {0, 1, 0, 1}, new double[] {0.1, 0.8, 0.3, 0.4}).getAsDouble());
        assertEquals(0.5, RocAuc.of(new int[] {0, 1}, new double[] {0.5, 0.5}).getAsDouble(), "a tie counts one half");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new int[] {0, 2}, new double[] {0.1, 0.2}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void perClassPrecisionRecallF1AndMacroF1() {
        int[] actual = GOLDEN.ints("multi_true");
        int[] predicted = GOLDEN.ints("multi_pred");
        double[] w = GOLDEN.doubles("binary_weight");
        for (String suffix : new String[] {"", "_weighted"}) {
            ClassReport report = ClassReport.of(actual, predicted, 4, suffix.isEmpty() ? null : w);
            double[] p = new double[4];
            double[] r = new double[4];
            double[] f = new double[4];
            double[] s = new double[4];
            for (int c = 0; c < 4; c++) {
                p[c] = report.precision(c);
                r[c] = report.recall(c);
                f[c] = report.f1(c);
                s[c] = report.support(c);
            }
            assertArrayEquals(GOLDEN.doubles("precision" + suffix), p, TOLERANCE, suffix);
            assertArrayEquals(GOLDEN.doubles("recall" + suffix), r, TOLERANCE, suffix);
            assertArrayEquals(GOLDEN.doubles("f1" + suffix), f, TOLERANCE, suffix);
            assertArrayEquals(GOLDEN.doubles("support" + suffix), s, TOLERANCE, suffix);
            assertEquals(one("macro_f1" + suffix), report.macroF1(), TOLERANCE, suffix);
            assertEquals(one("accuracy" + suffix), Accuracy.of(actual, predicted, suffix.isEmpty() ? null : w),
                    TOLERANCE, suffix);
        }
    }

    @Test
    void logLossBinaryAndMulticlassWithWeights() {
        int[] binary = GOLDEN.ints("binary_true");
        double[] w = GOLDEN.doubles("binary_weight");
        Matrix p = Matrix.column(GOLDEN.doubles("binary_score"));
        Matrix y = Matrix.column(java.util.Arrays.stream(binary).asDoubleStream().toArray());
        assertEquals(one("log_loss_binary"), LogLoss.of(y, p), TOLERANCE);
        assertEquals(one("log_loss_binary_weighted"), LogLoss.of(y, p, w), TOLERANCE);
        Matrix probs = Matrix.wrap(40, 4, GOLDEN.doubles("multi_prob"));
        Matrix oneHot = ClassLabels.oneHot(GOLDEN.ints("multi_true"), 4);
        assertEquals(one("log_loss_multi"), LogLoss.of(oneHot, probs), TOLERANCE);
        assertEquals(one("log_loss_multi_weighted"), LogLoss.of(oneHot, probs, w), TOLERANCE);
    }

    @Test
    void regressionMetricsInScikitLearnsArgumentOrder() {
        Matrix y = Matrix.column(GOLDEN.doubles("reg_true"));
        Matrix p = Matrix.column(GOLDEN.doubles("reg_pred"));
        double[] w = GOLDEN.doubles("binary_weight");
        assertEquals(one("mse"), Mse.of(y, p), TOLERANCE);
        assertEquals(one("mse_weighted"), Mse.of(y, p, w), TOLERANCE);
        assertEquals(one("mae"), Mae.of(y, p), TOLERANCE);
        assertEquals(one("mae_weighted"), Mae.of(y, p, w), TOLERANCE);
        assertEquals(one("r2"), RSquared.of(y, p).getAsDouble(), TOLERANCE, "R² is not symmetric: y_true first");
    }
}
