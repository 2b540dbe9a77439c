package org.backprop.loss;

/**
 * Absolute error between predictions P and targets y (n×d), term ℓ = |P − y|, with the subgradient
 * sign(P − y) and 0 where P = y (as PyTorch).
 * <ul>
 *   <li>{@link Reduction#MEAN} (default): L = Σ|P − y| / (n·d), dL/dP = sign(P − y) / (n·d).
 *       PyTorch's {@code L1Loss()}.</li>
 *   <li>{@link Reduction#SUM}: L = Σ|P − y|, dL/dP = sign(P − y).</li>
 * </ul>
 * Registered in {@link Losses} as {@code "mae"}.
 */
public final class MeanAbsoluteError extends ElementwiseLoss {

    /** MAE with {@link Reduction#MEAN}. */
    public MeanAbsoluteError() {
        this(Reduction.MEAN);
    }

    public MeanAbsoluteError(Reduction reduction) {
        super(reduction);
    }

    /** |p − y| turns at p = y. */
    @Override
    public boolean kinkedAtTarget() {
        return true;
    }

    @Override
    public String id() {
        return "mae";
    }

    @Override
    protected double term(double p, double y) {
        return Math.abs(p - y);
    }

    @Override
    protected double termDerivative(double p, double y) {
        return Math.signum(p - y);
    }

    @Override
    public Loss fresh() {
        return new MeanAbsoluteError(reduction());
    }

    @Override
    public String toString() {
        return "MeanAbsoluteError(" + reduction() + ")";
    }
}
