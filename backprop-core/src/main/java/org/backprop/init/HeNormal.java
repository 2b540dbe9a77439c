package org.backprop.init;

import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/**
 * He (Kaiming) normal (He et al., 2015), for ReLU networks: W ~ N(0, σ²) with σ² = 2 / fan_in (not
 * truncated). PyTorch's {@code kaiming_normal_(nonlinearity='relu')}, mode fan_in.
 * Weights are in×out: fan_in = rows, fan_out = cols. Registered in {@link Initializers} as
 * {@code "he_normal"}.
 */
public final class HeNormal implements Initializer {

    @Override
    public void initialize(Matrix weights, RandomSource random) {
        Fill.normal(weights, Math.sqrt(2.0 / weights.rows()), random);
    }

    @Override
    public String id() {
        return "he_normal";
    }

    @Override
    public String toString() {
        return "HeNormal";
    }
}
