package org.backprop.loss;

/**
 * Squared error between predictions P and targets y (n×d), term ℓ = (P − y)².
 * <ul>
 *   <li>{@link Reduction#MEAN} (default): L = Σ(P − y)² / (n·d), dL/dP = 2(P − y) / (n·d).
 *       PyTorch's {@code MSELoss()}.</li>
 *   <li>{@link Reduction#SUM}: L = Σ(P − y)², dL/dP = 2(P − y).</li>
 * </ul>
 * Registered in {@link Losses} as {@code "mse"}.
 */
public final class MeanSquaredError extends ElementwiseLoss {

    /** MSE with {@link Reduction#MEAN}. */
    public MeanSquaredError() {
        this(Reduction.MEAN);
    }

    public MeanSquaredError(Reduction reduction) {
        super(reduction);
    }

    @Override
    public String id() {
        return "mse";
    }

    @Override
    protected double term(double p, double y) {
        double d = p - y;
        return d * d;
    }

    @Override
    protected double termDerivative(double p, double y) {
        return 2.0 * (p - y);
    }

    @Override
    public Loss fresh() {
        return new MeanSquaredError(reduction());
    }

    @Override
    public String toString() {
        return "MeanSquaredError(" + reduction() + ")";
    }
}
