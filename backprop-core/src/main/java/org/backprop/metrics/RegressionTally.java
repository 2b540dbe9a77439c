package org.backprop.metrics;

import java.io.Serializable;
import java.util.OptionalDouble;

import org.backprop.tensor.Matrix;

/**
 * The sums behind the mean squared error, the mean absolute error and R² of a regression, added a
 * chunk of rows at a time (e.g. predictions computed in batches) or a partition at a time and
 * {@link #merge merged}, so that no array of all n predictions is needed. The sums are
 * {@link ExactSum}s, so {@link #mse()}, {@link #mae()} and {@link #r2} equal
 * {@link Mse#of(Matrix, Matrix, double[])}, {@link Mae#of(Matrix, Matrix, double[])} and
 * {@link RSquared#of} of all rows in one matrix bit for bit whatever the chunks, partitions and their
 * order.
 */
public final class RegressionTally implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ExactSum squares = new ExactSum();
    private final ExactSum absolutes = new ExactSum();
    private final ExactSum total = new ExactSum();
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
            squares.addProduct(w, rowSquares);
            absolutes.addProduct(w, rowAbsolutes);
            total.add(w);
        }
        elements += predicted.size();
    }

    /**
     * Adds the sums of {@code other} (unchanged), a tally of rows with as many columns (or an empty
     * one): as if its rows had been added to this one.
     */
    public void merge(RegressionTally other) {
        if (other.cols >= 0 && cols >= 0 && other.cols != cols) {
            throw new IllegalArgumentException("regression tally: cannot merge rows of " + other.cols
                    + " columns into rows of " + cols);
        }
        cols = Math.max(cols, other.cols);
        squares.add(other.squares);
        absolutes.add(other.absolutes);
        total.add(other.total);
        elements += other.elements;
    }

    /** The number of values (rows × columns) added. */
    public long elements() {
        return elements;
    }

    /** The (weighted) mean squared error of the rows added (NaN if none). */
    public double mse() {
        return squares.doubleValue() / (total.doubleValue() * cols);
    }

    /** The (weighted) mean absolute error of the rows added (NaN if none). */
    public double mae() {
        return absolutes.doubleValue() / (total.doubleValue() * cols);
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
