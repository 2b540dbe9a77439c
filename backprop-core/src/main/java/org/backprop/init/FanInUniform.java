package org.backprop.init;

import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/**
 * W ~ U(−1/√fan_in, 1/√fan_in), the seed notebook's initialization and the default (PyTorch's
 * {@code nn.Linear} uses the same bound). Biases start at zero.
 */
public final class FanInUniform implements Initializer {

    @Override
    public void initialize(Matrix weights, RandomSource random) {
        Fill.uniform(weights, 1.0 / Math.sqrt(weights.rows()), random);
    }

    @Override
    public String id() {
        return "fan_in_uniform";
    }
}
