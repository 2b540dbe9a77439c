package org.backprop.metrics;

import org.backprop.tensor.Matrix;
import org.backprop.tensor.ShapeException;

/** Checks shared by the metrics; messages name the metric and both shapes or lengths. */
final class MetricInputs {
    private MetricInputs() {
    }

    static void requirePaired(String metric, Matrix predicted, Matrix actual) {
        if (!predicted.sameShape(actual)) {
            throw new ShapeException(metric + ": predictions " + predicted.shape() + " and targets "
                    + actual.shape() + " differ");
        }
        if (predicted.size() == 0) {
            throw new IllegalArgumentException(metric + ": no values (" + predicted.shape() + ")");
        }
    }

    static void requirePaired(String metric, int[] predicted, int[] actual) {
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException(metric + ": " + predicted.length + " predicted labels but "
                    + actual.length + " true labels");
        }
        if (predicted.length == 0) {
            throw new IllegalArgumentException(metric + ": no labels");
        }
    }
}
