package org.backprop.check;

import java.util.function.DoubleSupplier;

/**
 * One central difference (f(x + h·u) − f(x − h·u)) / 2h that steps around kinks: if either side
 * puts a switch of {@link Kinks} on another side, it is taken again with h/10, up to
 * {@link GradientCheckOptions#kinkRetries()} times, and the element is excluded if every step
 * crosses one. Without a kink watch ({@code kinkRetries} −1) the first difference is taken as it is.
 *
 * @param value    the difference quotient (NaN when excluded)
 * @param retries  how many smaller steps were needed (0: the first step was clean)
 * @param excluded true if every step crossed a kink
 */
record KinkAwareDifference(double value, int retries, boolean excluded) {

    /** Moves x along its direction; {@link #restore} puts back the original bits. */
    interface Shift {
        /** x = x₀ + step·u. */
        void to(double step);

        /** x = x₀, bit for bit. */
        void restore();
    }

    static KinkAwareDifference of(Shift shift, DoubleSupplier f, Kinks kinks, GradientCheckOptions options) {
        int retries = Math.max(0, options.kinkRetries());
        double step = options.step();
        for (int attempt = 0; attempt <= retries; attempt++, step /= 10) {
            shift.to(step);
            double plus = f.getAsDouble();
            boolean crossed = kinks.crossed();
            shift.to(-step);
            double minus = f.getAsDouble();
            crossed |= kinks.crossed();
            shift.restore();
            if (!crossed || !options.watchesKinks()) {
                return new KinkAwareDifference((plus - minus) / (2 * step), attempt, false);
            }
        }
        return new KinkAwareDifference(Double.NaN, retries + 1, true);
    }
}
