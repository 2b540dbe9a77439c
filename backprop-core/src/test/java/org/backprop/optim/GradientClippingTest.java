package org.backprop.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Clipping on its own; clipping inside an optimizer's step (by norm over all parameters together,
 * in place, before the penalties) is checked against PyTorch in {@link OptimizerTorchGoldenTest}.
 */
class GradientClippingTest {

    @Test
    void smallGradientsAreLeftExactlyAlone() {
        double[] small = {0.3, -0.4, 0.1};
        double[] g = small.clone();
        GradientClipping.byNorm(1).clip(g);
        GradientClipping.byValue(0.4).clip(g);
        assertArrayEquals(small, g, 0);
    }

    @Test
    void rejectsNonPositiveLimits() {
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byNorm(0));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byValue(-1));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byValue(Double.NaN));
    }
}
