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
    private final RangeTask forwardRange = (from, to) -> forwardRange(input(), output(), from, to);
    private final RangeTask backwardRange = (from, to) -> backwardRange(input(), output(), outputGrad(), inputGrad(),
            from, to);

    /** f(x). */
    protected abstract double value(double x);

    /** f'(x), given the input x and the output y = f(x). */
    protected abstract double derivative(double x, double y);

    /**
     * True when f' jumps at x = 0 (a kink, e.g. ReLU's): a gradient check then does not trust a
     * central difference that steps across 0. False by default (f' continuous).
     */
    public boolean kinkedAtZero() {
        return false;
    }

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
        forEachRange(outputGrad.size(), 1, backwardRange);
    }

    /**
     * y = f(x) for flat elements [from, to) of {@code x} into the same elements of {@code y} (same
     * shape): the forward pass over one range, for this operation's forward and for fused passes
     * that compute it band by band. Subclasses may replace the per-element calls with a vectorized
     * loop computing the same values.
     */
    public void forwardRange(Matrix x, Matrix y, int from, int to) {
        double[] xd = x.data();
        double[] yd = y.data();
        int xo = x.offset();
        int yo = y.offset();
        for (int k = from; k < to; k++) {
            yd[yo + k] = value(xd[xo + k]);
        }
    }

    /**
     * dL/dx = dL/dy · f'(x) for flat elements [from, to), given the input {@code x}, the output
     * {@code y} = f(x) and {@code outputGrad} = dL/dy, into {@code inputGrad} (all the same shape):
     * the backward pass over one range. Subclasses may vectorize it, computing the same values.
     */
    public void backwardRange(Matrix x, Matrix y, Matrix outputGrad, Matrix inputGrad, int from, int to) {
        double[] xd = x.data();
        double[] yd = y.data();
        double[] g = outputGrad.data();
        double[] gi = inputGrad.data();
        int xo = x.offset();
        int yo = y.offset();
        int go = outputGrad.offset();
        int gio = inputGrad.offset();
        for (int k = from; k < to; k++) {
            gi[gio + k] = g[go + k] * derivative(xd[xo + k], yd[yo + k]);
        }
    }
}
