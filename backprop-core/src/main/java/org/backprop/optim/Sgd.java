package org.backprop.optim;

import org.backprop.network.Parameter;

/**
 * Plain stochastic gradient descent: w ← w − lr·g (Robbins &amp; Monro, "A Stochastic Approximation
 * Method", 1951). Stateless.
 */
public final class Sgd extends Optimizer {
    private static final long serialVersionUID = 1L;

    /** SGD with one learning rate for every parameter. */
    public Sgd(double learningRate) {
        this(LearningRates.of(learningRate));
    }

    /** SGD with per-group learning rates. */
    public Sgd(LearningRates rates) {
        super(rates);
    }

    @Override
    public String id() {
        return "sgd";
    }

    @Override
    protected void update(double[] w, double[] g, double[][] state, int from, int length, double lr,
                          Parameter parameter) {
        for (int i = from, end = from + length; i < end; i++) {
            w[i] -= lr * g[i];
        }
    }
}
