package org.backprop.optim;

import static org.backprop.optim.TinyParameters.step;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.network.ParameterBuffer;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    @Test
    void byValueClampsEachElement() {
        double[] g = {0.7, -0.2, -3, 0.5};
        GradientClipping.byValue(0.5).clip(g);
        assertArrayEquals(new double[] {0.5, -0.2, -0.5, 0.5}, g, 0);
    }

    @Test
    void byNormRescalesTheWholeGradientAsPyTorch() {
        double[] g = {3, 4, 0};
        GradientClipping.byNorm(1).clip(g);
        // ‖g‖ = 5, scale = 1 / (5 + 1e-6)
        double scale = 1 / (5 + 1e-6);
        assertArrayEquals(new double[] {3 * scale, 4 * scale, 0}, g, 1e-16);
        assertEquals(1, ClipByNorm.norm(g), 1e-6);
    }

    @Test
    void byNormLeavesASmallGradientExactlyAlone() {
        double[] g = {0.3, -0.4, 0.1};
        GradientClipping.byNorm(1).clip(g);
        assertArrayEquals(new double[] {0.3, -0.4, 0.1}, g, 0);
    }

    @Test
    void optimizerClipsTheFlatGradientBufferBeforeItsUpdate() {
        ParameterBuffer params = TinyParameters.create();
        step(new Sgd(1).clipByValue(0.25), params, 0.1, -0.2, 0.3);
        assertArrayEquals(new double[] {0.1, -0.2, 0.25}, params.grads(), 0, "clipped in place, as PyTorch");
        assertArrayEquals(new double[] {0.9, -1.8, 0.25}, params.values(), 1e-15);

        ParameterBuffer byNorm = TinyParameters.create();
        step(new Sgd(1).clipByNorm(0.5), byNorm, 0, 3, 4);
        double scale = 0.5 / (5 + 1e-6);
        assertArrayEquals(new double[] {1, -2 - 3 * scale, 0.5 - 4 * scale}, byNorm.values(), 1e-15);
    }

    @Test
    void clippingIsAcrossAllParametersNotPerParameter() {
        // weight gradient norm 0.6, bias 0.8: each alone is ≤ 1, together ‖g‖ = 1 > 0.5
        ParameterBuffer params = TinyParameters.create();
        step(new Sgd(1).clipByNorm(0.5), params, 0.6, 0, 0.8);
        double scale = 0.5 / (1 + 1e-6);
        assertArrayEquals(new double[] {0.6 * scale, 0, 0.8 * scale}, params.grads(), 1e-16);
    }

    @Test
    void rejectsNonPositiveLimits() {
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byNorm(0));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byValue(-1));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byValue(Double.NaN));
    }
}
