package org.backprop.op;

import org.backprop.tensor.Matrix;

/**
 * An element-wise activation y = f(x). Backward multiplies the output gradient by f'(x), which each
 * activation computes from the input x and the output y, whichever is cheaper.
 *
 * <p>An activation holds the state of one pass, so each layer gets its own instance: use
 * {@link #fresh()} or {@link Activations#byName(String)}.
 */
public abstract class Activation extends Operation {

    /** f(x). */
    protected abstract double value(double x);

    /** f'(x), given the input x and the output y = f(x). */
    protected abstract double derivative(double x, double y);

    /** The name used in model files and on the command line, e.g. {@code "relu"}. */
    public abstract String id();

    /** A new instance of the same activation, with no pass in flight. */
    public abstract Activation fresh();

    @Override
    public String name() {
        return id();
    }

    @Override
    protected void computeOutput(Matrix input, Matrix out, boolean training) {
        double[] x = input.data();
        double[] y = out.data();
        int xo = input.offset();
        int yo = out.offset();
        for (int k = 0, n = input.size(); k < n; k++) {
            y[yo + k] = value(x[xo + k]);
        }
    }

    @Override
    protected void computeInputGrad(Matrix outputGrad, Matrix inputGrad) {
        double[] x = input().data();
        double[] y = output().data();
        double[] g = outputGrad.data();
        double[] gi = inputGrad.data();
        int xo = input().offset();
        int yo = output().offset();
        int go = outputGrad.offset();
        int gio = inputGrad.offset();
        for (int k = 0, n = outputGrad.size(); k < n; k++) {
            gi[gio + k] = g[go + k] * derivative(x[xo + k], y[yo + k]);
        }
    }
}
