package org.backprop.op;

import org.backprop.network.Params;

/**
 * Leaky ReLU: f(x) = x for x &gt; 0, f(x) = s·x otherwise; f'(x) = 1 for x &gt; 0, s otherwise
 * (f'(0) = s). Default negative slope s = 0.01, as PyTorch's {@code nn.LeakyReLU()}.
 */
public final class LeakyReLU extends Activation {
    /** The default negative slope, 0.01. */
    public static final double DEFAULT_SLOPE = 0.01;
    private final double slope;

    /** Leaky ReLU with negative slope 0.01. */
    public LeakyReLU() {
        this(DEFAULT_SLOPE);
    }

    /** Leaky ReLU with negative slope {@code slope} (finite). */
    public LeakyReLU(double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("leaky_relu: slope must be finite, got " + slope);
        }
        this.slope = slope;
    }

    /** The negative slope s. */
    public double slope() {
        return slope;
    }

    @Override
    protected double value(double x) {
        return x > 0 ? x : slope * x;
    }

    @Override
    protected double derivative(double x, double y) {
        return x > 0 ? 1.0 : slope;
    }

    /** f' jumps from the slope below 0 to 1 above it. */
    @Override
    public boolean kinkedAtZero() {
        return true;
    }

    @Override
    public String id() {
        return "leaky_relu";
    }

    /** {@code slope}. */
    @Override
    public Params params() {
        return Params.of("slope", slope);
    }

    @Override
    public Activation fresh() {
        return new LeakyReLU(slope);
    }

    @Override
    public String toString() {
        return "LeakyReLU(slope=" + slope + ")";
    }
}
