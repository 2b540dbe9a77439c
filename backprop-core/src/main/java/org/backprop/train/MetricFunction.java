package org.backprop.train;

import org.backprop.tensor.Matrix;

/**
 * An extra number to record at every evaluation, computed from the targets and the network's
 * predictions (both n×outputs, inference mode), e.g. accuracy or R². Registered by name with
 * {@link Trainer#metric(String, MetricFunction)}; any {@code (target, prediction) -> double} method
 * fits (scikit-learn's order, true values first, as every metric in {@code org.backprop.metrics}),
 * so metrics plug in as method references, e.g. {@code Mse::of}.
 */
@FunctionalInterface
public interface MetricFunction {

    /** The metric of {@code prediction} against {@code target} (same shape). */
    double compute(Matrix target, Matrix prediction);
}
