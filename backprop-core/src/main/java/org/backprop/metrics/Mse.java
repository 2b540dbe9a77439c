package org.backprop.metrics;

import org.backprop.tensor.Matrix;

/**
 * Mean squared error: Σ(y − P)² / (n·d) over all elements of targets y and predictions P (n×d);
 * with sample weights wᵢ, Σᵢ wᵢ Σⱼ (yᵢⱼ − Pᵢⱼ)² / (d·Σᵢ wᵢ) (scikit-learn's
 * {@code mean_squared_error(y_true, y_pred, sample_weight=w)}). True values first.
 */
public final class Mse {
    private Mse() {
    }

    /** The mean squared error of {@code predicted} against {@code actual} (same shape, not empty). */
    public static double of(Matrix actual, Matrix predicted) {
        return of(actual, predicted, null);
    }

    /** As {@link #of(Matrix, Matrix)} weighting row i by {@code weights[i]} (null = all 1). */
    public static double of(Matrix actual, Matrix predicted, double[] weights) {
        MetricInputs.requirePaired("mse", actual, predicted);
        MetricInputs.requireWeights("mse", weights, actual.rows());
        return RowMeans.weightedMean(actual, predicted, weights, (y, p) -> (y - p) * (y - p));
    }
}
