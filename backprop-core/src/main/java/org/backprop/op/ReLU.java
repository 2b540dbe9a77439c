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
    protected void forward(Matrix x, Matrix y, int from, int to) {
        Kernels.elementwise().reluForward(x.data(), x.offset() + from, y.data(), y.offset() + from, to - from);
    }

    @Override
    protected void backward(Matrix outputGrad, Matrix inputGrad, int from, int to) {
        Kernels.elementwise().reluBackward(input().data(), input().offset() + from, outputGrad.data(),
                outputGrad.offset() + from, inputGrad.data(), inputGrad.offset() + from, to - from);
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
