package org.backprop.op;

import org.backprop.tensor.Matrix;

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
    public void forwardRange(Matrix x, Matrix y, int from, int to) {
        System.arraycopy(x.data(), x.offset() + from, y.data(), y.offset() + from, to - from);
    }

    @Override
    public void backwardRange(Matrix x, Matrix y, Matrix outputGrad, Matrix inputGrad, int from, int to) {
        System.arraycopy(outputGrad.data(), outputGrad.offset() + from, inputGrad.data(), inputGrad.offset() + from,
                to - from);
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
