package org.backprop.init;

import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/**
 * He (Kaiming) uniform (He et al., 2015), for ReLU networks: W ~ U(−a, a) with a = √(6 / fan_in), so
 * Var(W) = 2 / fan_in. PyTorch's {@code kaiming_uniform_(nonlinearity='relu')}, mode fan_in.
 * Weights are in×out: fan_in = rows, fan_out = cols. Registered in {@link Initializers} as
 * {@code "he_uniform"}.
 */
public final class HeUniform implements Initializer {

    @Override
    public void initialize(Matrix weights, RandomSource random) {
        Fill.uniform(weights, Math.sqrt(6.0 / weights.rows()), random);
    }

    @Override
    public String id() {
        return "he_uniform";
    }

    @Override
    public String toString() {
        return "HeUniform";
    }
}
