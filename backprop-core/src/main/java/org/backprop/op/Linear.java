package org.backprop.op;

/** The identity: f(x) = x, f'(x) = 1. The activation of a regression network's output layer. */
public final class Linear extends Activation {
    @Override
    protected double value(double x) {
        return x;
    }

    @Override
    protected double derivative(double x, double y) {
        return 1.0;
    }

    @Override
    public String id() {
        return "linear";
    }

    @Override
    public Activation fresh() {
        return new Linear();
    }
}
