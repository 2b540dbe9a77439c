package org.backprop.metrics;

import java.util.OptionalDouble;

import org.backprop.tensor.Matrix;

/**
 * The sums behind the mean squared error, the mean absolute error and R² of a regression, added a
 * chunk of rows at a time in row order (e.g. predictions computed in batches), so that no array of
 * all n predictions is needed: {@link #mse()}, {@link #mae()} and {@link #r2} equal
 * {@link Mse#of(Matrix, Matrix, double[])}, {@link Mae#of(Matrix, Matrix, double[])} and
 * {@link RSquared#of} of all rows in one matrix bit for bit (the same sums in the same order).
 */
public final class RegressionTally {
    private double squares;
    private double absolutes;
    private double total;
    private long elements;
    private int cols = -1;

    /** An empty tally. */
    public RegressionTally() {
    }

    /**
     * Adds the rows of {@code predicted} against {@code actual} (same shape, n×d, d the same for every
     * chunk), row i weighted by {@code weights[weightOffset + i]} (weights null: every row 1).
     */
    public void add(Matrix actual, Matrix predicted, double[] weights, int weightOffset) {
        MetricInputs.requirePaired("regression_tally", actual, predicted);
        if (cols >= 0 && actual.cols() != cols) {
            throw new IllegalArgumentException("regression tally: chunks of " + cols + " and " + actual.cols()
                    + " columns");
        }
        cols = actual.cols();
        for (int i = 0; i < actual.rows(); i++) {
            double rowSquares = 0;
            double rowAbsolutes = 0;
            for (int j = 0; j < cols; j++) {
                double d = actual.get(i, j) - predicted.get(i, j);
                rowSquares += d * d;
                rowAbsolutes += Math.abs(d);
            }
            double w = weights == null ? 1.0 : weights[weightOffset + i];
            squares += w * rowSquares;
            absolutes += w * rowAbsolutes;
            total += w;
        }
        elements += predicted.size();
    }

    /** The (weighted) mean squared error of the rows added (NaN if none). */
    public double mse() {
        return squares / (total * cols);
    }

    /** The (weighted) mean absolute error of the rows added (NaN if none). */
    public double mae() {
        return absolutes / (total * cols);
    }

    /**
     * R² = 1 − SS_res / SS_tot of the rows added (unweighted: add them without weights), with
     * SS_res = {@link #mse()} · n·d as {@link RSquared#of} computes it and {@code totalSumOfSquares}
     * the targets' SS_tot ({@link RSquared#totalSumOfSquares(java.util.function.IntToDoubleFunction,
     * int)}); empty when it is 0 (a constant target).
     */
    public OptionalDouble r2(double totalSumOfSquares) {
        if (totalSumOfSquares == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1.0 - mse() * elements / totalSumOfSquares);
    }
}
