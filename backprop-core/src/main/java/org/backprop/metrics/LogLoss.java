package org.backprop.metrics;

import org.backprop.tensor.Matrix;

/**
 * Log-loss (cross-entropy) of predicted probabilities, with every probability first clipped to
 * [ε, 1 − ε], ε = 1e-15, so a confident wrong prediction costs log(1e15) ≈ 34.5 instead of ∞:
 * <ul>
 *   <li>one column (n×1, binary): −(1/n) Σ [y log p + (1 − y) log(1 − p)];</li>
 *   <li>k ≥ 2 columns (probability rows against one-hot or probability rows):
 *       −(1/n) Σᵢ Σⱼ yᵢⱼ log pᵢⱼ.</li>
 * </ul>
 * Natural logarithm. Probabilities come from {@code NeuralNetwork.predictProbabilities}. With
 * sample weights wᵢ the mean over rows becomes Σᵢ wᵢ ℓᵢ / Σᵢ wᵢ. Arguments in scikit-learn's order
 * ({@code log_loss(y_true, y_pred, sample_weight=w)}): targets first.
 */
public final class LogLoss {
    /** The clipping ε, 1e-15. */
    public static final double EPSILON = 1e-15;

    private LogLoss() {
    }

    /** The log-loss of {@code probabilities} against {@code targets} (same shape, n×1 or n×k). */
    public static double of(Matrix targets, Matrix probabilities) {
        return of(targets, probabilities, null);
    }

    /** As {@link #of(Matrix, Matrix)} weighting row i by {@code weights[i]} (null = all 1). */
    public static double of(Matrix targets, Matrix probabilities, double[] weights) {
        MetricInputs.requirePaired("log_loss", targets, probabilities);
        MetricInputs.requireWeights("log_loss", weights, targets.rows());
        LogLossSum sum = new LogLossSum();
        sum.add(targets, probabilities, weights, 0);
        return sum.value();
    }
}
