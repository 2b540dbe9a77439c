package org.backprop.op;

import org.backprop.network.Params;

/**
 * Exponential linear unit (Clevert et al., 2015): f(x) = x for x &gt; 0, f(x) = α(eˣ − 1) otherwise
 * (computed with {@link Math#expm1}); f'(x) = 1 for x &gt; 0, αeˣ = y + α otherwise. Default α = 1.0,
 * as PyTorch's {@code nn.ELU()}.
 */
public final class ELU extends Activation {
    /** The default α, 1.0. */
    public static final double DEFAULT_ALPHA = 1.0;
    private final double alpha;

    /** ELU with α = 1. */
    public ELU() {
        this(DEFAULT_ALPHA);
    }

    /** ELU with the given α (finite). */
    public ELU(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("elu: alpha must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    /** α, the value f approaches as x → −∞ is −α. */
    public double alpha() {
        return alpha;
    }

    @Override
    protected double value(double x) {
        return x > 0 ? x : alpha * Math.expm1(x);
    }

    @Override
    protected double derivative(double x, double y) {
        return x > 0 ? 1.0 : alpha * Math.exp(x);
    }

    @Override
    public String id() {
        return "elu";
    }

    /** {@code alpha}. */
    @Override
    public Params params() {
        return Params.of("alpha", alpha);
    }

    @Override
    public Activation fresh() {
        return new ELU(alpha);
    }

    @Override
    public String toString() {
        return "ELU(alpha=" + alpha + ")";
    }
}
