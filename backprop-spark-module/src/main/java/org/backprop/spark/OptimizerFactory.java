package org.backprop.spark;

import java.io.Serializable;

import org.backprop.optim.Optimizer;

/**
 * Makes a fresh driver-side optimizer for each fit, e.g. {@code () -> new Sgd(0.1)}. Serializable
 * because Spark ML stages are.
 */
@FunctionalInterface
public interface OptimizerFactory extends Serializable {

    /** A new optimizer with no steps taken. */
    Optimizer create();
}
