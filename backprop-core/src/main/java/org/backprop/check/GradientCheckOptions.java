package org.backprop.check;

/**
 * Settings of a {@link GradientCheck}. Defaults: step h = 1e-6, tolerance 1e-6 on the relative error
 * |analytic − numeric| / max(|analytic|, |numeric|, absoluteFloor), absolute floor 1e-3 (central differences of an O(1) loss carry
 * absolute errors near 1e-10, so smaller gradients are compared absolutely), at most
 * 2000 checked elements per tensor (chosen evenly; 0 = all), and 1 kink retry.
 *
 * <p><b>Kinks.</b> ReLU and leaky ReLU (at 0) and the absolute error (at its target) have kinks,
 * where the derivative jumps. On real data some pre-activation is almost always within h of 0 for
 * some perturbed element, and there the central difference averages two slopes. The network and
 * loss checks watch these switches ({@link Kinks}): an element whose x ± h puts a switch on another
 * side is re-checked with the step divided by 10, up to {@code kinkRetries} times, and excluded
 * (counted in {@link GradientCheckReport#excluded()}) if every step still crosses a kink.
 * {@code kinkRetries} −1 turns the watch off (every element is compared as it comes).
 *
 * @param step          the central-difference step h: numeric = (f(x + h) − f(x − h)) / 2h
 * @param tolerance     the largest relative error that passes
 * @param absoluteFloor the denominator's floor, so tiny gradients are compared absolutely
 * @param maxPerTensor  at most this many elements of each tensor are checked (0 = all)
 * @param kinkRetries   re-checks with a 10× smaller step of an element whose step crosses a kink
 *                      before it is excluded (≥ 0), or −1: no kink watch
 */
public record GradientCheckOptions(double step, double tolerance, double absoluteFloor, int maxPerTensor,
                                   int kinkRetries) {

    /** The default number of kink retries, 1. */
    public static final int DEFAULT_KINK_RETRIES = 1;

    /** Checks the values. */
    public GradientCheckOptions {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("gradient check: step must be a positive number, got " + step);
        }
        if (kinkRetries < -1) {
            throw new IllegalArgumentException("gradient check: kinkRetries must be ≥ −1, got " + kinkRetries);
        }
    }

    /** The settings of earlier versions' four components, with {@link #DEFAULT_KINK_RETRIES}. */
    public GradientCheckOptions(double step, double tolerance, double absoluteFloor, int maxPerTensor) {
        this(step, tolerance, absoluteFloor, maxPerTensor, DEFAULT_KINK_RETRIES);
    }

    /** The defaults. */
    public static GradientCheckOptions defaults() {
        return new GradientCheckOptions(1e-6, 1e-6, 1e-3, 2000, DEFAULT_KINK_RETRIES);
    }

    public GradientCheckOptions withTolerance(double value) {
        return new GradientCheckOptions(step, value, absoluteFloor, maxPerTensor, kinkRetries);
    }

    public GradientCheckOptions withStep(double value) {
        return new GradientCheckOptions(value, tolerance, absoluteFloor, maxPerTensor, kinkRetries);
    }

    public GradientCheckOptions withMaxPerTensor(int value) {
        return new GradientCheckOptions(step, tolerance, absoluteFloor, value, kinkRetries);
    }

    /** Re-checks of a kink-crossing element with a 10× smaller step each (≥ 0), or −1 for no kink watch. */
    public GradientCheckOptions withKinkRetries(int value) {
        return new GradientCheckOptions(step, tolerance, absoluteFloor, maxPerTensor, value);
    }

    /** True if kinks are watched ({@code kinkRetries ≥ 0}). */
    public boolean watchesKinks() {
        return kinkRetries >= 0;
    }

    /** The relative error of {@code analytic} against {@code numeric} under these settings. */
    public double relativeError(double analytic, double numeric) {
        double scale = Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), absoluteFloor);
        return Math.abs(analytic - numeric) / scale;
    }
}
