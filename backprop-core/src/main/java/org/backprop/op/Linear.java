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
    protected void computeOutput(Matrix input, Matrix out, boolean training) {
        out.copyFrom(input);
    }

    @Override
    protected void computeInputGrad(Matrix outputGrad, Matrix inputGrad) {
        inputGrad.copyFrom(outputGrad);
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
