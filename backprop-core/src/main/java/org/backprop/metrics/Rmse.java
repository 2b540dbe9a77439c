package org.backprop.metrics;

import org.backprop.tensor.Matrix;

/** Root mean squared error: √(Σ(P − y)² / (n·d)), in the units of the target. */
public final class Rmse {
    private Rmse() {
    }

    /** √{@link Mse#of(Matrix, Matrix)}; true values first. */
    public static double of(Matrix actual, Matrix predicted) {
        return Math.sqrt(Mse.of(actual, predicted));
    }
}
