package org.backprop.init;

import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/**
 * Glorot (Xavier) uniform (Glorot &amp; Bengio, 2010): W ~ U(−a, a) with a = √(6 / (fan_in + fan_out)),
 * so Var(W) = 2 / (fan_in + fan_out). PyTorch's {@code xavier_uniform_} with gain 1.
 * Weights are in×out: fan_in = rows, fan_out = cols. Registered in {@link Initializers} as
 * {@code "glorot_uniform"}.
 */
public final class GlorotUniform implements Initializer {

    @Override
    public void initialize(Matrix weights, RandomSource random) {
        Fill.uniform(weights, Math.sqrt(6.0 / (weights.rows() + weights.cols())), random);
    }

    @Override
    public String id() {
        return "glorot_uniform";
    }

    @Override
    public String toString() {
        return "GlorotUniform";
    }
}
