package org.backprop.optim;

import org.backprop.network.Parameter;

/**
 * AdaGrad, Duchi, Hazan &amp; Singer, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization", JMLR 12, 2011; in the form of PyTorch's {@code torch.optim.Adagrad}
 * (lr_decay 0, initial accumulator 0):
 * <pre>
 * s ← s + g²
 * w ← w − lr·g / (√s + ε)
 * </pre>
 * Defaults: ε = {@value #DEFAULT_EPSILON}; PyTorch's default learning rate is
 * {@value #DEFAULT_LEARNING_RATE}. State: {@code "sumOfSquares"}.
 */
public final class AdaGrad extends Optimizer {
    private static final long serialVersionUID = 1L;
    /** PyTorch's default learning rate for Adagrad. */
    public static final double DEFAULT_LEARNING_RATE = 1e-2;
    /** The default ε. */
    public static final double DEFAULT_EPSILON = 1e-10;
    /** The accumulated squared gradients' buffer name. */
    public static final String SUM_OF_SQUARES = "sumOfSquares";

    private final double epsilon;

    /** AdaGrad with one learning rate and ε = {@value #DEFAULT_EPSILON}. */
    public AdaGrad(double learningRate) {
        this(LearningRates.of(learningRate));
    }

    /** AdaGrad with per-group learning rates and ε = {@value #DEFAULT_EPSILON}. */
    public AdaGrad(LearningRates rates) {
        this(rates, DEFAULT_EPSILON);
    }

    /** AdaGrad with per-group learning rates and ε &gt; 0. */
    public AdaGrad(LearningRates rates, double epsilon) {
        super(rates);
        this.epsilon = Hyperparameters.positive("epsilon", epsilon);
    }

    @Override
    public String id() {
        return "adagrad";
    }

    /** ε. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected String hyperparameters() {
        return "eps " + epsilon;
    }

    @Override
    protected String[] stateNames() {
        return new String[] {SUM_OF_SQUARES};
    }

    @Override
    protected void update(double[] w, double[] g, double[][] state, int from, int length, double lr,
                          Parameter parameter) {
        double[] s = state[0];
        for (int i = from, end = from + length; i < end; i++) {
            s[i] += g[i] * g[i];
            w[i] -= lr * g[i] / (Math.sqrt(s[i]) + epsilon);
        }
    }
}
