package org.backprop.optim;

/**
 * SGD with Nesterov momentum, Nesterov, "A method of solving a convex programming problem with
 * convergence rate O(1/k²)", Soviet Mathematics Doklady 27, 1983, in the reformulation of Sutskever
 * et al., "On the importance of initialization and momentum in deep learning", ICML 2013; in the
 * form of PyTorch's {@code torch.optim.SGD(momentum=μ, nesterov=True)} (dampening 0):
 * <pre>
 * v ← μ·v + g        (v = 0 before the first step)
 * w ← w − lr·(g + μ·v)
 * </pre>
 * Default μ = {@value #DEFAULT_MOMENTUM}. State: {@code "velocity"}.
 */
public final class Nesterov extends MomentumMethod {
    private static final long serialVersionUID = 1L;
    /** The default momentum coefficient. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    /** Nesterov momentum {@value #DEFAULT_MOMENTUM} with one learning rate. */
    public Nesterov(double learningRate) {
        this(LearningRates.of(learningRate));
    }

    /** Nesterov momentum {@value #DEFAULT_MOMENTUM} with per-group learning rates. */
    public Nesterov(LearningRates rates) {
        this(rates, DEFAULT_MOMENTUM);
    }

    /** Nesterov momentum μ in [0, 1) with per-group learning rates. */
    public Nesterov(LearningRates rates, double momentum) {
        super(rates, momentum);
    }

    @Override
    public String id() {
        return "nesterov";
    }

    @Override
    double direction(double g, double v, double mu) {
        return g + mu * v;
    }
}
