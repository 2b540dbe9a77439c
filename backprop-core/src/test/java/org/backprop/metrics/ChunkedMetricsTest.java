package org.backprop.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Classification metrics summed a chunk of rows at a time ({@link ClassTally}, {@link LogLossSum},
 * {@link RocAuc#ofClassScores}) and regression metrics ({@link RegressionTally}, R²'s total sum of
 * squares read from the targets) equal the metrics of all rows at once bit for bit, weighted or not,
 * with tied scores.
 */
class ChunkedMetricsTest {
    private static final int ROWS = 2000;
    private static final int CLASSES = 3;

    @Test
    void chunkedSumsEqualTheWholeArrays() {
        SplittableRandom random = new SplittableRandom(5);
        int[] actual = new int[ROWS];
        int[] predicted = new int[ROWS];
        double[] weights = new double[ROWS];
        Matrix probabilities = Matrix.zeros(ROWS, CLASSES);
        for (int i = 0; i < ROWS; i++) {
            actual[i] = random.nextInt(CLASSES);
            predicted[i] = random.nextInt(CLASSES);
            weights[i] = random.nextDouble() * 3;
            double a = random.nextDouble();
            double b = random.nextDouble() * (1 - a);
            probabilities.set(i, 0, a);
            probabilities.set(i, 1, b);
            probabilities.set(i, 2, 1 - a - b);
        }
        Matrix oneHot = ClassLabels.oneHot(actual, CLASSES);
        for (double[] w : new double[][] {null, weights}) {
            ClassTally tally = new ClassTally(CLASSES);
            LogLossSum logLoss = new LogLossSum();
            for (int from = 0, size = 1; from < ROWS; from += size, size = size * 3 + 1) {
                int to = Math.min(ROWS, from + size);
                tally.add(Arrays.copyOfRange(actual, from, to), Arrays.copyOfRange(predicted, from, to), w, from);
                logLoss.add(oneHot.rowRange(from, to), probabilities.rowRange(from, to), w, from);
            }
            assertEquals(bits(Accuracy.of(actual, predicted, w)), bits(tally.accuracy()));
            assertEquals(bits(LogLoss.of(oneHot, probabilities, w)), bits(logLoss.value()));
            ClassReport whole = ClassReport.of(actual, predicted, CLASSES, w);
            for (int c = 0; c < CLASSES; c++) {
                assertEquals(bits(whole.precision(c)), bits(tally.report().precision(c)));
                assertEquals(bits(whole.f1(c)), bits(tally.report().f1(c)));
                assertEquals(bits(whole.support(c)), bits(tally.report().support(c)));
            }
            assertArrayEquals(ConfusionMatrix.of(actual, predicted, CLASSES).toArray(), tally.confusion().toArray());
        }
    }

    @Test
    void chunkedRegressionSumsEqualTheWholeMatrices() {
        SplittableRandom random = new SplittableRandom(7);
        Matrix actual = Matrix.zeros(ROWS, 1);
        Matrix predicted = Matrix.zeros(ROWS, 1);
        double[] weights = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double y = 1e6 + random.nextGaussian() * 3; // a large mean: the two-pass SS_tot matters
            actual.set(i, 0, y);
            predicted.set(i, 0, y + random.nextGaussian());
            weights[i] = random.nextDouble() * 3;
        }
        for (double[] w : new double[][] {null, weights}) {
            RegressionTally tally = new RegressionTally();
            for (int from = 0, size = 1; from < ROWS; from += size, size = size * 3 + 1) {
                int to = Math.min(ROWS, from + size);
                tally.add(actual.rowRange(from, to), predicted.rowRange(from, to), w, from);
            }
            assertEquals(bits(Mse.of(actual, predicted, w)), bits(tally.mse()));
            assertEquals(bits(Mae.of(actual, predicted, w)), bits(tally.mae()));
            if (w == null) {
                double ssTot = RSquared.totalSumOfSquares(i -> actual.get(i, 0), ROWS);
                assertEquals(bits(RSquared.of(actual, predicted).getAsDouble()), bits(tally.r2(ssTot).getAsDouble()));
            }
        }
        RegressionTally constant = new RegressionTally();
        constant.add(Matrix.column(new double[] {2, 2}), Matrix.column(new double[] {1, 3}), null, 0);
        assertEquals(true, constant.r2(RSquared.totalSumOfSquares(i -> 2.0, 2)).isEmpty(), "a constant target");
        assertEquals(1.0, constant.mse());
    }

    /**
     * Rows in a random order, cut into random parts (as Spark partitions), each part tallied on its
     * own and the parts merged last first: the bits of the whole in row order.
     */
    @Test
    void partsTalliedApartAndMergedInAnyOrderEqualTheWhole() {
        SplittableRandom random = new SplittableRandom(11);
        int[] actual = new int[ROWS];
        int[] predicted = new int[ROWS];
        double[] weights = new double[ROWS];
        Matrix probabilities = Matrix.zeros(ROWS, CLASSES);
        Matrix y = Matrix.zeros(ROWS, 1);
        Matrix p = Matrix.zeros(ROWS, 1);
        for (int i = 0; i < ROWS; i++) {
            actual[i] = random.nextInt(CLASSES);
            predicted[i] = random.nextInt(CLASSES);
            weights[i] = random.nextDouble() * 3;
            double a = random.nextDouble();
            probabilities.set(i, 0, a);
            probabilities.set(i, 1, 1 - a);
            y.set(i, 0, 1e6 + random.nextGaussian() * 3);
            p.set(i, 0, y.get(i, 0) + random.nextGaussian());
        }
        Matrix oneHot = ClassLabels.oneHot(actual, CLASSES);
        int[] order = random.ints(0, ROWS).distinct().limit(ROWS).toArray();
        List<ClassTally> tallies = new ArrayList<>();
        List<LogLossSum> losses = new ArrayList<>();
        List<RegressionTally> errors = new ArrayList<>();
        for (int from = 0; from < ROWS; ) {
            int to = Math.min(ROWS, from + 1 + random.nextInt(400));
            ClassTally tally = new ClassTally(CLASSES);
            LogLossSum loss = new LogLossSum();
            RegressionTally error = new RegressionTally();
            for (int k = from; k < to; k++) {
                int i = order[k];
                tally.add(new int[] {actual[i]}, new int[] {predicted[i]}, new double[] {weights[i]}, 0);
                loss.add(oneHot.rowRange(i, i + 1), probabilities.rowRange(i, i + 1), weights, i);
                error.add(y.rowRange(i, i + 1), p.rowRange(i, i + 1), weights, i);
            }
            tallies.add(tally);
            losses.add(loss);
            errors.add(error);
            from = to;
        }
        ClassTally tally = new ClassTally(CLASSES);
        LogLossSum loss = new LogLossSum();
        RegressionTally error = new RegressionTally();
        for (int k = tallies.size() - 1; k >= 0; k--) {
            tally.merge(tallies.get(k));
            loss.merge(losses.get(k));
            error.merge(errors.get(k));
        }
        assertEquals(bits(Accuracy.of(actual, predicted, weights)), bits(tally.accuracy()));
        assertEquals(bits(ClassReport.of(actual, predicted, CLASSES, weights).macroF1()), bits(tally.report().macroF1()));
        assertArrayEquals(ConfusionMatrix.of(actual, predicted, CLASSES).toArray(), tally.confusion().toArray());
        assertEquals(ROWS, tally.rows());
        assertEquals(bits(LogLoss.of(oneHot, probabilities, weights)), bits(loss.value()));
        assertEquals(bits(Mse.of(y, p, weights)), bits(error.mse()));
        assertEquals(bits(Mae.of(y, p, weights)), bits(error.mae()));
    }

    @Test
    void rocAucOfClassScoresEqualsTheRowByRowAreaWithTies() {
        SplittableRandom random = new SplittableRandom(6);
        int[] actual = new int[ROWS];
        double[] scores = new double[ROWS];
        double[] ones = new double[ROWS];
        Arrays.fill(ones, 1.0);
        for (int i = 0; i < ROWS; i++) {
            actual[i] = random.nextInt(2);
            scores[i] = Math.round((random.nextDouble() + 0.3 * actual[i]) * 50) / 50.0; // many ties
        }
        scores[0] = 0.0;
        scores[1] = -0.0;
        double rowByRow = RocAuc.of(actual, scores, ones).getAsDouble(); // the sort of row indices
        assertEquals(bits(rowByRow), bits(RocAuc.of(actual, scores).getAsDouble()));
        assertEquals(0.5, RocAuc.ofClassScores(new double[] {0.3, 0.3}, new double[] {0.3}).getAsDouble());
        assertEquals(true, RocAuc.ofClassScores(new double[] {0.3}, new double[0]).isEmpty());
    }

    private static long bits(double v) {
        return Double.doubleToLongBits(v);
    }
}
