package org.backprop.metrics;

import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/** Checks shared by the metrics; messages name the metric and both shapes or lengths. */
final class MetricInputs {
    private MetricInputs() {
    }

    static void requirePaired(String metric, Matrix actual, Matrix predicted) {
        if (!predicted.sameShape(actual)) {
            throw new ShapeException(metric + ": targets " + actual.shape() + " and predictions "
                    + predicted.shape() + " differ");
        }
        if (predicted.size() == 0) {
            throw new IllegalArgumentException(metric + ": no values (" + predicted.shape() + ")");
        }
    }

    static void requirePaired(String metric, int[] actual, int[] predicted) {
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException(metric + ": " + actual.length + " true labels but "
                    + predicted.length + " predicted labels");
        }
        if (predicted.length == 0) {
            throw new IllegalArgumentException(metric + ": no labels");
        }
    }

    /**
     * Checks sample weights (null = all 1) against {@code rows}: one finite weight ≥ 0 per row, not
     * all 0.
     */
    static void requireWeights(String metric, double[] weights, int rows) {
        if (weights == null) {
            return;
        }
        if (weights.length != rows) {
            throw new IllegalArgumentException(metric + ": " + weights.length + " sample weights for " + rows + " rows");
        }
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException(metric + ": sample weight " + weights[i] + " at row " + i
                        + " is not a finite number ≥ 0");
            }
            sum += weights[i];
        }
        if (sum == 0) {
            throw new IllegalArgumentException(metric + ": every sample weight is 0");
        }
    }

    /** The weight of row i: weights[i], or 1 when weights is null. */
    static double weight(double[] weights, int i) {
        return weights == null ? 1.0 : weights[i];
    }
}
