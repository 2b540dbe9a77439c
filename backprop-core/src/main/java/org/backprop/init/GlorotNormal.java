package org.backprop.init;

import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/**
 * Glorot (Xavier) normal (Glorot &amp; Bengio, 2010): W ~ N(0, σ²) with σ² = 2 / (fan_in + fan_out)
 * (not truncated). PyTorch's {@code xavier_normal_} with gain 1.
 * Weights are in×out: fan_in = rows, fan_out = cols. Registered in {@link Initializers} as
 * {@code "glorot_normal"}.
 */
public final class GlorotNormal implements Initializer {

    @Override
    public void initialize(Matrix weights, RandomSource random) {
        Fill.normal(weights, Math.sqrt(2.0 / (weights.rows() + weights.cols())), random);
    }

    @Override
    public String id() {
        return "glorot_normal";
    }

    @Override
    public String toString() {
        return "GlorotNormal";
    }
}
