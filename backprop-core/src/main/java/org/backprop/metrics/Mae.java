package org.backprop.metrics;

import org.backprop.tensor.Matrix;

/** Mean absolute error: Σ|P − y| / (n·d) over all elements of predictions P and targets y (n×d). */
public final class Mae {
    private Mae() {
    }

    /** The mean absolute error of {@code predicted} against {@code actual} (same shape, not empty). */
    public static double of(Matrix predicted, Matrix actual) {
        MetricInputs.requirePaired("mae", predicted, actual);
        double sum = 0;
        for (int k = 0; k < predicted.size(); k++) {
            sum += Math.abs(predicted.getFlat(k) - actual.getFlat(k));
        }
        return sum / predicted.size();
    }
}
