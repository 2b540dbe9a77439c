package org.backprop.metrics;

import org.backprop.tensor.Matrix;

/** Mean squared error: Σ(P − y)² / (n·d) over all elements of predictions P and targets y (n×d). */
public final class Mse {
    private Mse() {
    }

    /** The mean squared error of {@code predicted} against {@code actual} (same shape, not empty). */
    public static double of(Matrix predicted, Matrix actual) {
        MetricInputs.requirePaired("mse", predicted, actual);
        double sum = 0;
        for (int k = 0; k < predicted.size(); k++) {
            double d = predicted.getFlat(k) - actual.getFlat(k);
            sum += d * d;
        }
        return sum / predicted.size();
    }
}
