package org.backprop.optim;

/** Range checks for optimizer hyperparameters, with messages naming the hyperparameter. */
final class Hyperparameters {
    private Hyperparameters() {
    }

    /** {@code value} if finite and &gt; 0. */
    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** {@code value} if finite and ≥ 0. */
    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and ≥ 0, got " + value);
        }
        return value;
    }

    /** {@code value} if in [0, 1), as a decay rate of a running average. */
    static double decay(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }
}
