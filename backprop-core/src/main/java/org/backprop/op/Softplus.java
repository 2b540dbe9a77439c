package org.backprop.op;

/**
 * Softplus: f(x) = log(1 + eˣ), computed as log1p(e^(−|x|)) + max(x, 0) so it neither overflows for
 * large x nor loses precision for very negative x; f'(x) = σ(x) = 1/(1 + e^(−x)), the logistic
 * function. PyTorch's {@code nn.Softplus()} with β = 1 (without its linear cut-off above 20).
 */
public final class Softplus extends Activation {

    @Override
    protected double value(double x) {
        return Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0.0);
    }

    @Override
    protected double derivative(double x, double y) {
        return Sigmoid.logistic(x);
    }

    @Override
    public String id() {
        return "softplus";
    }

    @Override
    public Activation fresh() {
        return new Softplus();
    }
}
