package org.backprop.op;

/** Hyperbolic tangent: f(x) = tanh(x), f'(x) = 1 − y². */
public final class Tanh extends Activation {
    @Override
    protected double value(double x) {
        return Math.tanh(x);
    }

    @Override
    protected double derivative(double x, double y) {
        return 1.0 - y * y;
    }

    @Override
    public String id() {
        return "tanh";
    }

    @Override
    public Activation fresh() {
        return new Tanh();
    }
}
