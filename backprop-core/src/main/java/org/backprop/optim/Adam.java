package org.backprop.optim;

import org.backprop.network.Parameter;

/**
 * Adam, Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015; in the form of
 * PyTorch's {@code torch.optim.Adam} (amsgrad off), ε added outside the square root, at step t:
 * <pre>
 * m ← β₁·m + (1 − β₁)·g              (m = v = 0 before the first step)
 * v ← β₂·v + (1 − β₂)·g²
 * w ← w − (lr / (1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 * Defaults: β₁ = {@value #DEFAULT_BETA1}, β₂ = {@value #DEFAULT_BETA2}, ε = {@value #DEFAULT_EPSILON};
 * PyTorch's default learning rate is {@value #DEFAULT_LEARNING_RATE}. PyTorch's {@code weight_decay}
 * (an L2 penalty added to g) is {@link Optimizer#weightDecay}; for decoupled decay use
 * {@link AdamW}. State: {@code "firstMoment"}, {@code "secondMoment"}; t is the optimizer's step
 * count, which is saved with them.
 */
public sealed class Adam extends Optimizer permits AdamW {
    private static final long serialVersionUID = 1L;
    /** PyTorch's default learning rate for Adam. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** The default decay of the first moment. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** The default decay of the second moment. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** The default ε. */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** The first moment's buffer name. */
    public static final String FIRST_MOMENT = "firstMoment";
    /** The second moment's buffer name. */
    public static final String SECOND_MOMENT = "secondMoment";

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /** Adam with one learning rate and the default β₁, β₂, ε. */
    public Adam(double learningRate) {
        this(LearningRates.of(learningRate));
    }

    /** Adam with per-group learning rates and the default β₁, β₂, ε. */
    public Adam(LearningRates rates) {
        this(rates, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /** Adam with per-group learning rates, β₁ and β₂ in [0, 1) and ε &gt; 0. */
    public Adam(LearningRates rates, double beta1, double beta2, double epsilon) {
        super(rates);
        this.beta1 = Hyperparameters.decay("beta1", beta1);
        this.beta2 = Hyperparameters.decay("beta2", beta2);
        this.epsilon = Hyperparameters.positive("epsilon", epsilon);
    }

    @Override
    public String id() {
        return "adam";
    }

    /** β₁. */
    public double beta1() {
        return beta1;
    }

    /** β₂. */
    public double beta2() {
        return beta2;
    }

    /** ε. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected String hyperparameters() {
        return "betas " + beta1 + ", " + beta2 + ", eps " + epsilon;
    }

    @Override
    protected String[] stateNames() {
        return new String[] {FIRST_MOMENT, SECOND_MOMENT};
    }

    @Override
    protected void update(double[] w, double[] g, double[][] state, int from, int length, double lr,
                          Parameter parameter) {
        double[] m = state[0];
        double[] v = state[1];
        double stepSize = lr / (1 - Math.pow(beta1, steps()));
        double secondCorrectionSqrt = Math.sqrt(1 - Math.pow(beta2, steps()));
        for (int i = from, end = from + length; i < end; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            w[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / secondCorrectionSqrt + epsilon);
        }
    }
}
