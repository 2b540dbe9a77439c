package org.backprop.loss;

import org.backprop.network.Params;

/**
 * Huber loss with threshold δ &gt; 0 (default 1.0), on the residual r = P − y (n×d): term
 * ℓ = ½r² for |r| ≤ δ and δ(|r| − ½δ) otherwise; ∂ℓ/∂P = r for |r| ≤ δ and δ·sign(r) otherwise.
 * Quadratic near zero, linear in the tails, continuous with a continuous derivative.
 * <ul>
 *   <li>{@link Reduction#MEAN} (default): L = Σℓ / (n·d), dL/dP = ∂ℓ/∂P / (n·d). PyTorch's
 *       {@code HuberLoss(delta=1.0)}.</li>
 *   <li>{@link Reduction#SUM}: L = Σℓ, dL/dP = ∂ℓ/∂P.</li>
 * </ul>
 * Registered in {@link Losses} as {@code "huber"} (δ = 1).
 */
public final class Huber extends ElementwiseLoss {
    /** The default threshold, 1.0. */
    public static final double DEFAULT_DELTA = 1.0;
    private final double delta;

    /** Huber with δ = 1 and MEAN reduction. */
    public Huber() {
        this(DEFAULT_DELTA);
    }

    /** Huber with threshold {@code delta} (&gt; 0) and MEAN reduction. */
    public Huber(double delta) {
        this(delta, Reduction.MEAN);
    }

    public Huber(double delta, Reduction reduction) {
        super(reduction);
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("huber: delta must be positive and finite, got " + delta);
        }
        this.delta = delta;
    }

    /** The threshold δ between the quadratic and the linear part. */
    public double delta() {
        return delta;
    }

    /** {@code delta} and {@code reduction}. */
    @Override
    public Params params() {
        return Params.of("delta", delta).with("reduction", reduction().id());
    }

    @Override
    public String id() {
        return "huber";
    }

    @Override
    protected double term(double p, double y) {
        double r = Math.abs(p - y);
        return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
    }

    @Override
    protected double termDerivative(double p, double y) {
        double r = p - y;
        return Math.abs(r) <= delta ? r : delta * Math.signum(r);
    }

    @Override
    public Loss fresh() {
        return new Huber(delta, reduction());
    }

    @Override
    public String toString() {
        return "Huber(delta=" + delta + ", " + reduction() + ")";
    }
}
