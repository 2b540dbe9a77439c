package org.backprop.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The L1/L2 penalties' configuration. Their effect on each optimizer (weights only or all
 * parameters, L1 at a zero weight, after clipping, with the gradient buffer left alone) is checked
 * against PyTorch in {@link OptimizerTorchGoldenTest}.
 */
class RegularizationTest {

    @Test
    void describesItsStrengthsAndScope() {
        assertTrue(Regularization.none().isNone());
        Regularization r = Regularization.l2(0.5).withL1(0.25).appliedTo("all parameters", p -> true);
        assertEquals(0.5, r.l2());
        assertEquals(0.25, r.l1());
        assertEquals("L1 0.25, L2 0.5 on all parameters", r.toString());
    }

    @Test
    void rejectsNegativeStrengths() {
        assertThrows(IllegalArgumentException.class, () -> Regularization.l2(-1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(1).l1(Double.NaN));
    }
}
