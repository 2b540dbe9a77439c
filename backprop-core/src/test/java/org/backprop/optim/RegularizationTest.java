package org.backprop.optim;

import static org.backprop.optim.TinyParameters.step;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.network.ParameterBuffer;
import org.junit.jupiter.api.Test;

/** W = [1, −2], B = [0.5], g = [0.1, −0.2, 0.3], SGD lr 0.1, values worked out by hand. */
class RegularizationTest {
    private static final double[] G = {0.1, -0.2, 0.3};

    private static ParameterBuffer stepOnce(Optimizer optimizer) {
        ParameterBuffer params = TinyParameters.create();
        step(optimizer, params, G);
        return params;
    }

    @Test
    void l2AddsLambdaTimesWeightToWeightGradientsOnly() {
        // W: 0.1 + 0.01·1 = 0.11 → 0.989; −0.2 + 0.01·(−2) = −0.22 → −1.978; B: 0.5 − 0.03 = 0.47
        ParameterBuffer p = stepOnce(new Sgd(0.1).weightDecay(0.01));
        assertArrayEquals(new double[] {0.989, -1.978, 0.47}, p.values(), 1e-15);
        assertArrayEquals(G, p.grads(), 0, "the gradient buffer keeps the loss gradient");
    }

    @Test
    void l1AddsLambdaTimesSignOfWeight() {
        // W: 0.1 + 0.01 = 0.11 → 0.989; −0.2 − 0.01 = −0.21 → −1.979; B untouched by L1: 0.47
        ParameterBuffer p = stepOnce(new Sgd(0.1).l1(0.01));
        assertArrayEquals(new double[] {0.989, -1.979, 0.47}, p.values(), 1e-15);
    }

    @Test
    void l1OfAZeroWeightIsZero() {
        ParameterBuffer params = TinyParameters.create(0, 1, 0);
        step(new Sgd(1).l1(0.5), params, 0, 0, 0);
        assertArrayEquals(new double[] {0, 0.5, 0}, params.values(), 0);
    }

    @Test
    void l1AndL2Add() {
        // W[0]: 0.1 + 0.01·1 + 0.02·1 = 0.13 → 0.987; W[1]: −0.2 − 0.02 − 0.02 = −0.24 → −1.976
        ParameterBuffer p = stepOnce(new Sgd(0.1).weightDecay(0.01).l1(0.02));
        assertArrayEquals(new double[] {0.987, -1.976, 0.47}, p.values(), 1e-15);
    }

    @Test
    void scopeCanIncludeBiases() {
        // B: 0.3 + 0.01·0.5 = 0.305 → 0.5 − 0.0305 = 0.4695
        ParameterBuffer p = stepOnce(new Sgd(0.1)
                .regularization(Regularization.l2(0.01).appliedTo("all", q -> true)));
        assertArrayEquals(new double[] {0.989, -1.978, 0.4695}, p.values(), 1e-15);
    }

    @Test
    void penaltyFeedsTheOptimizersOwnRule() {
        // Adam first step moves by ≈ lr against the penalised gradient's sign: W[1] has
        // g = −0.2 + 1·(−2) = −2.2, so it rises by lr·2.2/(2.2 + 1e-8)
        ParameterBuffer p = stepOnce(new Adam(1e-3).weightDecay(1));
        double eps = 1e-8;
        assertArrayEquals(new double[] {1 - 1e-3 * 1.1 / (1.1 + eps), -2 + 1e-3 * 2.2 / (2.2 + eps),
            0.5 - 1e-3 * 0.3 / (0.3 + eps)}, p.values(), 1e-15);
    }

    @Test
    void clippingComesBeforeThePenalty() {
        // clip g[0] = 0.1 to 0.05 first, then add λ·w = 1·1: step 1.05 → w = −0.05.
        // (penalty first would clip 1.1 to 0.05 → 0.95)
        ParameterBuffer params = TinyParameters.create();
        step(new Sgd(1).clipByValue(0.05).weightDecay(1), params, 0.1, 0, 0);
        assertArrayEquals(new double[] {-0.05, 0, 0.5}, params.values(), 1e-15);
        assertArrayEquals(new double[] {0.05, 0, 0}, params.grads(), 0);
    }

    @Test
    void rejectsNegativeStrengths() {
        assertThrows(IllegalArgumentException.class, () -> Regularization.l2(-1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(1).l1(Double.NaN));
    }
}
