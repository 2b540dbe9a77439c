package org.backprop.train;

import org.backprop.tensor.Matrix;

/**
 * An extra number to record at every evaluation, computed from the network's predictions and the
 * targets (both n×outputs, inference mode), e.g. accuracy or R². Registered by name with
 * {@link Trainer#metric(String, MetricFunction)}; any {@code (prediction, target) -> double} method
 * fits, so metrics from other packages plug in as method references.
 */
@FunctionalInterface
public interface MetricFunction {

    /** The metric of {@code prediction} against {@code target} (same shape). */
    double compute(Matrix prediction, Matrix target);
}
