package org.backprop.op;

/**
 * The logistic function f(x) = 1 / (1 + e^(−x)), computed without overflow for large |x|;
 * f'(x) = y(1 − y).
 */
public final class Sigmoid extends Activation {

    /** σ(x) = 1 / (1 + e^(−x)), without overflow for any finite or infinite x. */
    public static double logistic(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    @Override
    protected double value(double x) {
        return logistic(x);
    }

    @Override
    protected double derivative(double x, double y) {
        return y * (1.0 - y);
    }

    @Override
    public String id() {
        return "sigmoid";
    }

    @Override
    public Activation fresh() {
        return new Sigmoid();
    }
}
