package org.backprop.optim;

import org.backprop.network.Parameter;

/**
 * RMSProp, Tieleman &amp; Hinton, "Lecture 6.5 — RMSProp: divide the gradient by a running average
 * of its recent magnitude", COURSERA: Neural Networks for Machine Learning, 2012; in the form of
 * PyTorch's {@code torch.optim.RMSprop} (not centered, momentum 0):
 * <pre>
 * a ← α·a + (1 − α)·g²      (a = 0 before the first step)
 * w ← w − lr·g / (√a + ε)
 * </pre>
 * Defaults: α = {@value #DEFAULT_ALPHA}, ε = {@value #DEFAULT_EPSILON}; PyTorch's default learning
 * rate is {@value #DEFAULT_LEARNING_RATE}. State: {@code "squareAverage"}.
 */
public final class RmsProp extends Optimizer {
    private static final long serialVersionUID = 1L;
    /** PyTorch's default learning rate for RMSprop. */
    public static final double DEFAULT_LEARNING_RATE = 1e-2;
    /** The default smoothing constant α. */
    public static final double DEFAULT_ALPHA = 0.99;
    /** The default ε. */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** The running average of squared gradients' buffer name. */
    public static final String SQUARE_AVERAGE = "squareAverage";

    private final double alpha;
    private final double epsilon;

    /** RMSProp with one learning rate and the default α and ε. */
    public RmsProp(double learningRate) {
        this(LearningRates.of(learningRate));
    }

    /** RMSProp with per-group learning rates and the default α and ε. */
    public RmsProp(LearningRates rates) {
        this(rates, DEFAULT_ALPHA, DEFAULT_EPSILON);
    }

    /** RMSProp with per-group learning rates, α in [0, 1) and ε &gt; 0. */
    public RmsProp(LearningRates rates, double alpha, double epsilon) {
        super(rates);
        this.alpha = Hyperparameters.decay("alpha", alpha);
        this.epsilon = Hyperparameters.positive("epsilon", epsilon);
    }

    @Override
    public String id() {
        return "rmsprop";
    }

    /** The smoothing constant α. */
    public double alpha() {
        return alpha;
    }

    /** ε. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected String hyperparameters() {
        return "alpha " + alpha + ", eps " + epsilon;
    }

    @Override
    protected String[] stateNames() {
        return new String[] {SQUARE_AVERAGE};
    }

    @Override
    protected void update(double[] w, double[] g, double[][] state, int from, int length, double lr,
                          Parameter parameter) {
        double[] a = state[0];
        for (int i = from, end = from + length; i < end; i++) {
            a[i] = alpha * a[i] + (1 - alpha) * g[i] * g[i];
            w[i] -= lr * g[i] / (Math.sqrt(a[i]) + epsilon);
        }
    }
}
