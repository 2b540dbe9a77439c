package org.backprop.metrics;

import org.backprop.tensor.Matrix;

/** Root mean squared error: √(Σ(P − y)² / (n·d)), in the units of the target. */
public final class Rmse {
    private Rmse() {
    }

    /** √{@link Mse#of}. */
    public static double of(Matrix predicted, Matrix actual) {
        return Math.sqrt(Mse.of(predicted, actual));
    }
}
