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
 * Natural logarithm. Probabilities come from {@code NeuralNetwork.predictProbabilities}.
 */
public final class LogLoss {
    /** The clipping ε, 1e-15. */
    public static final double EPSILON = 1e-15;

    private LogLoss() {
    }

    /** The log-loss of {@code probabilities} against {@code targets} (same shape, n×1 or n×k). */
    public static double of(Matrix probabilities, Matrix targets) {
        MetricInputs.requirePaired("log_loss", probabilities, targets);
        double sum = 0;
        boolean binary = probabilities.cols() == 1;
        for (int k = 0; k < probabilities.size(); k++) {
            double p = clip(probabilities.getFlat(k));
            double y = targets.getFlat(k);
            sum -= y * Math.log(p);
            if (binary) {
                sum -= (1 - y) * Math.log(1 - p);
            }
        }
        return sum / probabilities.rows();
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, EPSILON), 1 - EPSILON);
    }
}
