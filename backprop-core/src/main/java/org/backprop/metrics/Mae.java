package org.backprop.metrics;

import org.backprop.tensor.Matrix;

/**
 * Mean absolute error: Σ|y − P| / (n·d) over all elements of targets y and predictions P (n×d);
 * with sample weights wᵢ, Σᵢ wᵢ Σⱼ |yᵢⱼ − Pᵢⱼ| / (d·Σᵢ wᵢ) (scikit-learn's
 * {@code mean_absolute_error(y_true, y_pred, sample_weight=w)}). True values first.
 */
public final class Mae {
    private Mae() {
    }

    /** The mean absolute error of {@code predicted} against {@code actual} (same shape, not empty). */
    public static double of(Matrix actual, Matrix predicted) {
        return of(actual, predicted, null);
    }

    /** As {@link #of(Matrix, Matrix)} weighting row i by {@code weights[i]} (null = all 1). */
    public static double of(Matrix actual, Matrix predicted, double[] weights) {
        MetricInputs.requirePaired("mae", actual, predicted);
        MetricInputs.requireWeights("mae", weights, actual.rows());
        return RowMeans.weightedMean(actual, predicted, weights, (y, p) -> Math.abs(y - p));
    }
}
