package org.backprop.op;

import org.backprop.math.Erf;

/**
 * Gaussian error linear unit (Hendrycks &amp; Gimpel, 2016) in its exact form, PyTorch's default
 * {@code nn.GELU()} (not the tanh approximation): f(x) = x·Φ(x) with Φ the standard normal CDF,
 * Φ(x) = ½(1 + erf(x/√2)); f'(x) = Φ(x) + x·φ(x) with φ(x) = e^(−x²/2)/√(2π).
 *
 * <p>Φ is computed as ½·erfc(−x/√2) for x &lt; 0, so f keeps its relative accuracy in the left tail;
 * erf and erfc come from {@link Erf}.
 */
public final class GELU extends Activation {
    private static final double ONE_OVER_SQRT_2 = 0.7071067811865476;
    private static final double ONE_OVER_SQRT_2PI = 0.3989422804014327;

    /** Φ(x), the standard normal cumulative distribution function. */
    static double normalCdf(double x) {
        return x >= 0 ? 0.5 * (1.0 + Erf.erf(x * ONE_OVER_SQRT_2)) : 0.5 * Erf.erfc(-x * ONE_OVER_SQRT_2);
    }

    /** φ(x), the standard normal density. */
    static double normalPdf(double x) {
        return ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    @Override
    protected double value(double x) {
        return x * normalCdf(x);
    }

    @Override
    protected double derivative(double x, double y) {
        return normalCdf(x) + x * normalPdf(x);
    }

    @Override
    public String id() {
        return "gelu";
    }

    @Override
    public Activation fresh() {
        return new GELU();
    }
}
