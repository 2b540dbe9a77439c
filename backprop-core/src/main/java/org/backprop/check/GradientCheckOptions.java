package org.backprop.check;

/**
 * Settings of a {@link GradientCheck}. Defaults: step h = 1e-6, tolerance 1e-6 on the relative error
 * |analytic − numeric| / max(|analytic|, |numeric|, absoluteFloor), absolute floor 1e-3 (central differences of an O(1) loss carry
 * absolute errors near 1e-10, so smaller gradients are compared absolutely), and at most
 * 2000 checked elements per tensor (chosen evenly; 0 = all).
 *
 * @param step          the central-difference step h: numeric = (f(x + h) − f(x − h)) / 2h
 * @param tolerance     the largest relative error that passes
 * @param absoluteFloor the denominator's floor, so tiny gradients are compared absolutely
 * @param maxPerTensor  at most this many elements of each tensor are checked (0 = all)
 */
public record GradientCheckOptions(double step, double tolerance, double absoluteFloor, int maxPerTensor) {

    /** The defaults. */
    public static GradientCheckOptions defaults() {
        return new GradientCheckOptions(1e-6, 1e-6, 1e-3, 2000);
    }

    public GradientCheckOptions withTolerance(double value) {
        return new GradientCheckOptions(step, value, absoluteFloor, maxPerTensor);
    }

    public GradientCheckOptions withStep(double value) {
        return new GradientCheckOptions(value, tolerance, absoluteFloor, maxPerTensor);
    }

    public GradientCheckOptions withMaxPerTensor(int value) {
        return new GradientCheckOptions(step, tolerance, absoluteFloor, value);
    }

    /** The relative error of {@code analytic} against {@code numeric} under these settings. */
    public double relativeError(double analytic, double numeric) {
        double scale = Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), absoluteFloor);
        return Math.abs(analytic - numeric) / scale;
    }
}
