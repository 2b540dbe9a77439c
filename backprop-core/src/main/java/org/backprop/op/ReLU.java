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
    public void forwardRange(Matrix x, Matrix y, int from, int to) {
        Kernels.elementwise().positivePart(x.data(), x.offset() + from, y.data(), y.offset() + from, to - from);
    }

    @Override
    public void backwardRange(Matrix x, Matrix y, Matrix outputGrad, Matrix inputGrad, int from, int to) {
        Kernels.elementwise().whereXPositive(x.data(), x.offset() + from, outputGrad.data(),
                outputGrad.offset() + from, inputGrad.data(), inputGrad.offset() + from, to - from);
    }

    /** f' jumps from the slope below 0 to 1 above it. */
    @Override
    public boolean kinkedAtZero() {
        return true;
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
