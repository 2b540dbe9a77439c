package org.backprop.op;

/**
 * ReLU: f(x) = max(0, x). The gradient passes where the input is strictly positive
 * (f'(0) = 0, as in PyTorch).
 */
public final class ReLU extends Activation {
    @Override
    protected double value(double x) {
        return x > 0 ? x : 0.0;
    }

    @Override
    protected double derivative(double x, double y) {
        return x > 0 ? 1.0 : 0.0;
    }

    @Override
    public String id() {
        return "relu";
    }

    @Override
    public Activation fresh() {
        return new ReLU();
    }
}
