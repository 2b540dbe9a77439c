package org.backprop.metrics;

import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;

import org.backprop.tensor.Matrix;

/**
 * Coefficient of determination R² = 1 − SS_res / SS_tot for predictions P and targets y (n×d), with
 * SS_res = Σ(y − P)² and SS_tot = Σ(y − ȳ)², ȳ the mean of each target column; for d &gt; 1 both
 * sums run over all columns (scikit-learn's {@code multioutput='variance_weighted'}). 1 is a perfect
 * fit, 0 the column means' fit; it is negative for worse fits.
 *
 * <p>R² is undefined when the target is constant in every column (SS_tot = 0): {@link #of} then
 * returns {@link OptionalDouble#empty()} instead of scikit-learn's arbitrary 0 or 1 (or a NaN), and
 * {@link #undefinedReason} says why.
 */
public final class RSquared {
    private RSquared() {
    }

    /**
     * R², or empty if {@code actual} is constant in every column. True values first, as
     * scikit-learn's {@code r2_score(y_true, y_pred)} (R² is not symmetric in its arguments).
     */
    public static OptionalDouble of(Matrix actual, Matrix predicted) {
        MetricInputs.requirePaired("r2", actual, predicted);
        double ssTot = totalSumOfSquares(actual);
        if (ssTot == 0) {
            return OptionalDouble.empty();
        }
        double ssRes = Mse.of(actual, predicted) * predicted.size();
        return OptionalDouble.of(1.0 - ssRes / ssTot);
    }

    /** Why R² is undefined for {@code actual}, or null if it is defined. */
    public static String undefinedReason(Matrix actual) {
        return totalSumOfSquares(actual) == 0
                ? "R² is undefined: the target is constant (" + actual.shape() + ", total sum of squares 0), "
                        + "so there is no variance to explain"
                : null;
    }

    /** Σ(y − ȳ)² with ȳ the mean of each column ({@link #mean}), summed exactly over all columns. */
    static double totalSumOfSquares(Matrix y) {
        ExactSum ss = new ExactSum();
        for (int j = 0; j < y.cols(); j++) {
            int column = j;
            addSquaredDeviations(ss, i -> y.get(i, column), y.rows());
        }
        return ss.doubleValue();
    }

    /**
     * Σ(y − ȳ)² of one column of {@code n} targets, {@code y.applyAsDouble(i)} the i-th (two passes: the
     * mean, then the squared deviations; the values are read, not copied), as {@link #of} computes it
     * for an n×1 matrix. Both sums are exact, so the rows may come in any order or be split into parts:
     * {@link #mean} of their merged sums, then {@link #addSquaredDeviation} for each row.
     */
    public static double totalSumOfSquares(IntToDoubleFunction y, int n) {
        ExactSum ss = new ExactSum();
        addSquaredDeviations(ss, y, n);
        return ss.doubleValue();
    }

    /** ȳ of {@code n} targets whose exact sum is {@code sum}: the sum rounded once, divided by n. */
    public static double mean(ExactSum sum, long n) {
        return sum.doubleValue() / n;
    }

    /** Adds (y − ȳ)² to {@code ss}: the difference rounded, its square added exactly. */
    public static void addSquaredDeviation(ExactSum ss, double y, double mean) {
        double d = y - mean;
        ss.addProduct(d, d);
    }

    /** Adds to {@code ss} the squared deviations of the n values of {@code y} from their mean. */
    private static void addSquaredDeviations(ExactSum ss, IntToDoubleFunction y, int n) {
        ExactSum sum = new ExactSum();
        for (int i = 0; i < n; i++) {
            sum.add(y.applyAsDouble(i));
        }
        double mean = mean(sum, n);
        for (int i = 0; i < n; i++) {
            addSquaredDeviation(ss, y.applyAsDouble(i), mean);
        }
    }
}
