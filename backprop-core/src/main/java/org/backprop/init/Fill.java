package org.backprop.init;

import org.backprop.random.RandomSource;
import org.backprop.tensor.Matrix;

/** Element-wise fills shared by the initializers, drawing row-major from one random stream. */
final class Fill {
    private Fill() {
    }

    /** Every element from U(−bound, bound). */
    static void uniform(Matrix weights, double bound, RandomSource random) {
        for (int k = 0, n = weights.size(); k < n; k++) {
            weights.setFlat(k, random.uniform(-bound, bound));
        }
    }

    /** Every element from N(0, std²). */
    static void normal(Matrix weights, double std, RandomSource random) {
        for (int k = 0, n = weights.size(); k < n; k++) {
            weights.setFlat(k, std * random.nextGaussian());
        }
    }
}
