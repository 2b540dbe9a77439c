package org.backprop.optim;

/**
 * SGD with (heavy-ball) momentum, Polyak, "Some methods of speeding up the convergence of iteration
 * methods", USSR Computational Mathematics and Mathematical Physics 4(5), 1964; in the form of
 * PyTorch's {@code torch.optim.SGD(momentum=μ)} (dampening 0):
 * <pre>
 * v ← μ·v + g        (v = 0 before the first step)
 * w ← w − lr·v
 * </pre>
 * Default μ = {@value #DEFAULT_MOMENTUM}. State: {@code "velocity"}.
 */
public final class Momentum extends MomentumMethod {
    private static final long serialVersionUID = 1L;
    /** The default momentum coefficient. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    /** Momentum {@value #DEFAULT_MOMENTUM} with one learning rate. */
    public Momentum(double learningRate) {
        this(LearningRates.of(learningRate));
    }

    /** Momentum {@value #DEFAULT_MOMENTUM} with per-group learning rates. */
    public Momentum(LearningRates rates) {
        this(rates, DEFAULT_MOMENTUM);
    }

    /** Momentum μ in [0, 1) with per-group learning rates. */
    public Momentum(LearningRates rates, double momentum) {
        super(rates, momentum);
    }

    @Override
    public String id() {
        return "momentum";
    }

    @Override
    double direction(double g, double v, double mu) {
        return v;
    }
}
