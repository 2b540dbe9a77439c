package org.backprop.optim;

import org.backprop.network.Parameter;

/**
 * Shared part of SGD with momentum ({@link Momentum}) and with Nesterov momentum
 * ({@link Nesterov}), in PyTorch's form (no dampening): the velocity {@code v ← μ·v + g} is kept in
 * the state buffer {@code "velocity"} (zero at the start, so the first step has {@code v = g}),
 * and {@code w ← w − lr·d} with the direction d given by the subclass.
 */
public abstract sealed class MomentumMethod extends Optimizer permits Momentum, Nesterov {
    private static final long serialVersionUID = 1L;
    /** The velocity buffer's name. */
    public static final String VELOCITY = "velocity";

    private final double momentum;

    MomentumMethod(LearningRates rates, double momentum) {
        super(rates);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
    }

    /** The momentum coefficient μ. */
    public double momentum() {
        return momentum;
    }

    /** The step direction d from the gradient {@code g} and the updated velocity {@code v}. */
    abstract double direction(double g, double v, double mu);

    @Override
    protected String[] stateNames() {
        return new String[] {VELOCITY};
    }

    @Override
    protected void update(double[] w, double[] g, double[][] state, int from, int length, double lr,
                          Parameter parameter) {
        double[] v = state[0];
        for (int i = from, end = from + length; i < end; i++) {
            v[i] = momentum * v[i] + g[i];
            w[i] -= lr * direction(g[i], v[i], momentum);
        }
    }

    @Override
    protected String hyperparameters() {
        return "momentum " + momentum;
    }
}
