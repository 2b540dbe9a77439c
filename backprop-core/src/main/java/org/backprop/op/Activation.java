package org.backprop.op;

import org.backprop.kernel.RangeTask;
import org.backprop.network.Component;
import org.backprop.network.Params;
import org.backprop.tensor.Matrix;

/**
 * An element-wise activation y = f(x). Backward multiplies the output gradient by f'(x), which each
 * activation computes from the input x and the output y, whichever is cheaper.
 *
 * <p>An activation holds the state of one pass, so each layer gets its own instance: use
 * {@link #fresh()} or {@link Activations#byName(String)}.
 */
public abstract class Activation extends Operation {
    private Matrix pendingOutputGrad;
    private Matrix pendingInputGrad;
    private final RangeTask forwardRange = (from, to) -> forward(input(), output(), from, to);
    private final RangeTask backwardRange = (from, to) -> backward(this.pendingOutputGrad, this.pendingInputGrad,
            from, to);

    /** f(x). */
    protected abstract double value(double x);

    /** f'(x), given the input x and the output y = f(x). */
    protected abstract double derivative(double x, double y);

    /** The name used in model files and on the command line, e.g. {@code "relu"}. */
    public abstract String id();

    /** A new instance of the same activation, with no pass in flight. */
    public abstract Activation fresh();

    /**
     * Every hyperparameter of this activation by name, e.g. {@code slope} of {@link LeakyReLU};
     * none by default. {@code Activations.registry().create} builds an equal activation from them.
     */
    public Params params() {
        return Params.EMPTY;
    }

    /** This activation's registry name and hyperparameters, as network specs and model files keep it. */
    public final Component spec() {
        return new Component(id(), params());
    }

    @Override
    public String name() {
        return id();
    }

    @Override
    protected final void computeOutput(Matrix input, Matrix out, boolean training) {
        forEachRange(input.size(), 1, forwardRange);
    }

    @Override
    protected final void computeInputGrad(Matrix outputGrad, Matrix inputGrad) {
        pendingOutputGrad = outputGrad;
        pendingInputGrad = inputGrad;
        try {
            forEachRange(outputGrad.size(), 1, backwardRange);
        } finally {
            pendingOutputGrad = null;
            pendingInputGrad = null;
        }
    }

    /**
     * Writes y = f(x) for flat elements [from, to) of {@link #input()} into {@link #output()}.
     * Subclasses may replace the per-element calls with a vectorized loop.
     */
    protected void forward(Matrix x, Matrix y, int from, int to) {
        double[] xd = x.data();
        double[] yd = y.data();
        int xo = x.offset();
        int yo = y.offset();
        for (int k = from; k < to; k++) {
            yd[yo + k] = value(xd[xo + k]);
        }
    }

    /** Writes dL/dx = dL/dy · f'(x) for flat elements [from, to). */
    protected void backward(Matrix outputGrad, Matrix inputGrad, int from, int to) {
        double[] x = input().data();
        double[] y = output().data();
        double[] g = outputGrad.data();
        double[] gi = inputGrad.data();
        int xo = input().offset();
        int yo = output().offset();
        int go = outputGrad.offset();
        int gio = inputGrad.offset();
        for (int k = from; k < to; k++) {
            gi[gio + k] = g[go + k] * derivative(x[xo + k], y[yo + k]);
        }
    }
}
