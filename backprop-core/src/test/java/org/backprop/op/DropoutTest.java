package org.backprop.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.check.TestData;
import org.backprop.random.SeedStreams;
import org.backprop.tensor.Matrix;
import org.junit.jupiter.api.Test;

class DropoutTest {

    private static Dropout dropout(double rate, long seed) {
        return new Dropout(rate, new SeedStreams(seed).stream("dropout"));
    }

    @Test
    void keepsOneMinusPAndScalesByItsInverseSoTheMeanIsPreserved() {
        Matrix ones = Matrix.zeros(200, 100).fill(1.0);
        Matrix out = dropout(0.3, 1).forward(ones, true);
        int zeros = 0;
        double sum = 0;
        for (int k = 0; k < out.size(); k++) {
            double v = out.getFlat(k);
            assertTrue(v == 0.0 || v == 1.0 / 0.7, "entries are 0 or 1/(1 − p), got " + v);
            zeros += v == 0.0 ? 1 : 0;
            sum += v;
        }
        // 20000 Bernoulli(0.3) draws: standard deviation of the fraction ≈ 0.0032
        assertEquals(0.3, zeros / 20000.0, 0.015);
        assertEquals(1.0, sum / 20000.0, 0.025);
    }

    @Test
    void inferenceIsTheIdentityForwardAndBackward() {
        Matrix x = TestData.uniform(5, 4, -1, 1, TestData.random(1));
        Dropout d = dropout(0.5, 1);
        assertTrue(d.forward(x, false).valueEquals(x));
        Matrix g = TestData.uniform(5, 4, -1, 1, TestData.random(2));
        assertTrue(d.backward(g).valueEquals(g));
    }

    @Test
    void backwardMultipliesByTheSameMask() {
        Matrix x = TestData.uniform(6, 3, -1, 1, TestData.random(1));
        Matrix g = TestData.uniform(6, 3, -1, 1, TestData.random(2));
        Dropout d = dropout(0.4, 3);
        Matrix y = d.forward(x, true);
        Matrix dx = d.backward(g);
        for (int k = 0; k < x.size(); k++) {
            assertEquals(x.getFlat(k) * d.mask().getFlat(k), y.getFlat(k));
            assertEquals(g.getFlat(k) * d.mask().getFlat(k), dx.getFlat(k));
        }
    }

    @Test
    void masksAreSeededFreshPerForwardAndReusedWhenFrozen() {
        Matrix x = Matrix.zeros(10, 10).fill(1.0);
        Dropout a = dropout(0.5, 7);
        Matrix first = a.forward(x, true).copy();
        assertTrue(first.valueEquals(dropout(0.5, 7).forward(x, true)), "same seed, same mask");
        assertFalse(first.valueEquals(a.forward(x, true)), "a new mask on every training forward");

        a.freezeMask(true);
        Matrix frozen = a.forward(x, true).copy();
        assertTrue(frozen.valueEquals(a.forward(x, true)));
        assertTrue(frozen.valueEquals(a.forward(x, true)));
        a.freezeMask(false);
        assertFalse(frozen.valueEquals(a.forward(x, true)));
    }

    @Test
    void rateZeroIsTheIdentityAndBadRatesAreRejected() {
        Matrix x = TestData.uniform(3, 3, -1, 1, TestData.random(1));
        Dropout d = dropout(0.0, 1);
        assertTrue(d.forward(x, true).valueEquals(x));
        assertThrows(IllegalArgumentException.class, () -> dropout(1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> dropout(-0.1, 1));
        assertSame(null, d.mask());
        assertArrayEquals(new double[] {0.0}, new double[] {d.rate()});
    }
}
