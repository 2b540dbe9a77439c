package org.backprop.op;

import org.backprop.kernel.Kernels;
import org.backprop.tensor.Matrix;

/**
 * ReLU: f(x) = max(0, x). The gradient passes where the input is strictly positive
 * (f'(0) = 0, as in PyTorch).
 */
public final class ReLU extends Activation {
    @Override
    protected double value(double x) {
        return Math.max(x, 0.0);
    }

    @Override
    protected double derivative(double x, double y) {
        return x > 0 ? 1.0 : 0.0;
    }

    /** Vectorized: this runs on every hidden layer of most networks. NaN stays NaN, for the divergence guard. */
    @Override
    protected void computeOutput(Matrix input, Matrix out, boolean training) {
        Kernels.elementwise().reluForward(input.data(), input.offset(), out.data(), out.offset(), input.size());
    }

    @Override
    protected void computeInputGrad(Matrix outputGrad, Matrix inputGrad) {
        Kernels.elementwise().reluBackward(input().data(), input().offset(), outputGrad.data(),
                outputGrad.offset(), inputGrad.data(), inputGrad.offset(), outputGrad.size());
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
