package org.backprop.init;

import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/**
 * All weights 0 (draws nothing from the random stream). Every unit of a layer then computes the same
 * function and receives the same gradient, so hidden layers never differentiate: useful for
 * linear/logistic models and tests, not for hidden layers.
 * Weights are in×out: fan_in = rows, fan_out = cols. Registered in {@link Initializers} as
 * {@code "zeros"}.
 */
public final class Zeros implements Initializer {

    @Override
    public void initialize(Matrix weights, RandomSource random) {
        weights.fill(0.0);
    }

    @Override
    public String id() {
        return "zeros";
    }

    @Override
    public String toString() {
        return "Zeros";
    }
}
